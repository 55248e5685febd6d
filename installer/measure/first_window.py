#!/usr/bin/env python3
"""Time from starting a command to its first painted top-level X window.

"Painted" means the window is viewable and its pixels are no longer all one colour, seen from
outside the process through Xlib (ctypes, no extra package), so a bare JavaFX window, the jar and
the installed launcher are measured the same way. Run under an X server (xvfb-run) without a
window manager, where top-level windows are children of the root window.

    first_window.py [--timeout S] -- COMMAND [ARG]...

Prints the milliseconds on standard output and ends the command (its process group).
"""
import ctypes
import ctypes.util
import os
import signal
import subprocess
import sys
import time

ZPIXMAP = 2
IS_VIEWABLE = 2
ALL_PLANES = 0xFFFFFFFF


class XWindowAttributes(ctypes.Structure):
    _fields_ = [("x", ctypes.c_int), ("y", ctypes.c_int), ("width", ctypes.c_int), ("height", ctypes.c_int),
                ("border_width", ctypes.c_int), ("depth", ctypes.c_int), ("visual", ctypes.c_void_p),
                ("root", ctypes.c_ulong), ("c_class", ctypes.c_int), ("bit_gravity", ctypes.c_int),
                ("win_gravity", ctypes.c_int), ("backing_store", ctypes.c_int),
                ("backing_planes", ctypes.c_ulong), ("backing_pixel", ctypes.c_ulong),
                ("save_under", ctypes.c_int), ("colormap", ctypes.c_ulong), ("map_installed", ctypes.c_int),
                ("map_state", ctypes.c_int), ("all_event_masks", ctypes.c_long),
                ("your_event_mask", ctypes.c_long), ("do_not_propagate_mask", ctypes.c_long),
                ("override_redirect", ctypes.c_int), ("screen", ctypes.c_void_p)]


class XImage(ctypes.Structure):
    _fields_ = [("width", ctypes.c_int), ("height", ctypes.c_int), ("xoffset", ctypes.c_int),
                ("format", ctypes.c_int), ("data", ctypes.c_void_p), ("byte_order", ctypes.c_int),
                ("bitmap_unit", ctypes.c_int), ("bitmap_bit_order", ctypes.c_int), ("bitmap_pad", ctypes.c_int),
                ("depth", ctypes.c_int), ("bytes_per_line", ctypes.c_int), ("bits_per_pixel", ctypes.c_int)]


ERROR_HANDLER = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)


def load_xlib():
    x = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")
    x.XOpenDisplay.restype = ctypes.c_void_p
    x.XOpenDisplay.argtypes = [ctypes.c_char_p]
    x.XDefaultRootWindow.restype = ctypes.c_ulong
    x.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
    x.XQueryTree.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(ctypes.c_ulong),
                             ctypes.POINTER(ctypes.c_ulong), ctypes.POINTER(ctypes.POINTER(ctypes.c_ulong)),
                             ctypes.POINTER(ctypes.c_uint)]
    x.XGetWindowAttributes.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(XWindowAttributes)]
    x.XGetImage.restype = ctypes.POINTER(XImage)
    x.XGetImage.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_int, ctypes.c_uint,
                            ctypes.c_uint, ctypes.c_ulong, ctypes.c_int]
    x.XDestroyImage.argtypes = [ctypes.POINTER(XImage)]
    x.XFree.argtypes = [ctypes.c_void_p]
    x.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
    return x


def painted_window(x, display, root, screen):
    """A viewable top-level window of at least 200×200 whose pixels are not all the same, or None."""
    root_ret, parent_ret = ctypes.c_ulong(), ctypes.c_ulong()
    children, count = ctypes.POINTER(ctypes.c_ulong)(), ctypes.c_uint()
    if not x.XQueryTree(display, root, ctypes.byref(root_ret), ctypes.byref(parent_ret),
                        ctypes.byref(children), ctypes.byref(count)):
        return None
    windows = [children[i] for i in range(count.value)]
    if children:
        x.XFree(children)
    for w in windows:
        attrs = XWindowAttributes()
        if not x.XGetWindowAttributes(display, w, ctypes.byref(attrs)):
            continue
        if attrs.map_state != IS_VIEWABLE or attrs.width < 200 or attrs.height < 200:
            continue
        # Read the window's pixels from the root window, clipped to the screen: XGetImage on a window
        # that reaches past the screen's edge fails.
        left, top = max(attrs.x, 0), max(attrs.y, 0)
        width = min(attrs.x + attrs.width, screen.width) - left
        height = min(attrs.y + attrs.height, screen.height) - top
        if width < 100 or height < 100:
            continue
        image = x.XGetImage(display, root, left, top, width, height, ALL_PLANES, ZPIXMAP)
        if not image:
            continue
        img = image.contents
        size = img.bytes_per_line * img.height
        step = img.bits_per_pixel // 8
        data = ctypes.string_at(img.data, size)
        x.XDestroyImage(image)
        first = data[:step]
        if data.count(first) * step < size - img.bytes_per_line:
            return w
    return None


def main(argv):
    timeout = 60.0
    if argv[:1] == ["--timeout"]:
        timeout, argv = float(argv[1]), argv[2:]
    if argv[:1] != ["--"] or len(argv) < 2:
        sys.exit(__doc__)
    x = load_xlib()
    display = x.XOpenDisplay(None)
    if not display:
        sys.exit("No X display: run under xvfb-run.")
    # A window that goes away between two Xlib calls raises BadWindow/BadMatch; not fatal here.
    ignore = ERROR_HANDLER(lambda d, e: 0)
    x.XSetErrorHandler(ignore)
    root = x.XDefaultRootWindow(display)
    screen = XWindowAttributes()
    x.XGetWindowAttributes(display, root, ctypes.byref(screen))
    if painted_window(x, display, root, screen):
        sys.exit("A window is already showing on this display; use a display of its own.")
    start = time.monotonic()
    proc = subprocess.Popen(argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        while time.monotonic() - start < timeout:
            if painted_window(x, display, root, screen):
                print(round((time.monotonic() - start) * 1000))
                return 0
            if proc.poll() is not None:
                sys.exit("The command ended (exit %d) before a window was painted." % proc.returncode)
            time.sleep(0.005)
        sys.exit("No painted window within %.0f s." % timeout)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
