package com.propertyaudit.ui.portfolio;

import java.awt.GraphicsEnvironment;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.image.BufferedImage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operating system's notification, where it has a system tray (Windows, most Linux desktops,
 * macOS through AWT). Shown on a thread of its own so AWT never holds the FX thread; where there is
 * no tray, the in-window notice is the notification.
 */
final class DesktopNotifier {

    private static final Logger LOG = LoggerFactory.getLogger(DesktopNotifier.class);
    private static TrayIcon icon;

    private DesktopNotifier() {}

    static void notify(String title, String text) {
        Thread t = new Thread(() -> {
            try {
                if (GraphicsEnvironment.isHeadless() || !SystemTray.isSupported()) return;
                synchronized (DesktopNotifier.class) {
                    if (icon == null) {
                        icon = new TrayIcon(new BufferedImage(16, 16, BufferedImage.TYPE_INT_ARGB), "PropertyAudit");
                        icon.setImageAutoSize(true);
                        SystemTray.getSystemTray().add(icon);
                    }
                }
                icon.displayMessage(title, text, TrayIcon.MessageType.WARNING);
            } catch (Exception | LinkageError e) {
                LOG.debug("No desktop notification: {}", e.toString());
            }
        }, "desktop-notification");
        t.setDaemon(true);
        t.start();
    }
}
