package com.propertyaudit.store;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * The process that runs a batch, as written into the batch: {@code pid-<pid>-<random>@<host>}. A
 * process of this machine can be asked whether it still runs, so its batch reads {@code interrupted}
 * as soon as it is gone; an owner on another machine (a shared PostgreSQL) is judged by its
 * heartbeat alone, never by a local process that happens to have the same number.
 */
public final class BatchOwner {

    /** What this machine can tell about an owner. */
    public enum Liveness {
        /** A process of this machine that still runs. */
        RUNNING_HERE,
        /** A process of this machine that has ended. */
        GONE_HERE,
        /** Another machine's process, or an owner written before host names were: only its heartbeat tells. */
        ELSEWHERE
    }

    private static final int HOST_MAX = 150;
    private static final String HOST = hostName();

    private BatchOwner() {}

    /** A new owner name for this process. */
    public static String forThisProcess() {
        return "pid-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@" + HOST;
    }

    /** The machine an owner runs on, as it names itself; null for an owner written without one. */
    public static String host(String owner) {
        if (owner == null) return null;
        int at = owner.lastIndexOf('@');
        return at < 0 ? null : owner.substring(at + 1);
    }

    /** This machine's name, as owners of its processes carry it. */
    public static String thisHost() {
        return HOST;
    }

    public static Liveness liveness(String owner) {
        if (owner == null) return Liveness.ELSEWHERE;
        int at = owner.lastIndexOf('@');
        if (!owner.startsWith("pid-") || at < 0 || !owner.substring(at + 1).equals(HOST)) return Liveness.ELSEWHERE;
        String[] parts = owner.substring(0, at).split("-");
        try {
            long pid = Long.parseLong(parts[1]);
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)
                    ? Liveness.RUNNING_HERE : Liveness.GONE_HERE;
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return Liveness.ELSEWHERE;
        }
    }

    /**
     * The machine's name, without a network lookup where the system offers it directly (Linux's
     * kernel name, Windows' COMPUTERNAME); cut to fit the owner column.
     */
    private static String hostName() {
        String name = null;
        try {
            Path kernel = Path.of("/proc/sys/kernel/hostname");
            if (Files.isReadable(kernel)) name = Files.readString(kernel).strip();
        } catch (IOException | SecurityException ignored) {
            // Not Linux, or not readable: the next source is asked.
        }
        if (name == null || name.isEmpty()) name = System.getenv("COMPUTERNAME");
        if (name == null || name.isEmpty()) {
            try {
                name = InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                name = "unknown-host";
            }
        }
        name = name.replace('@', '_');
        return name.length() > HOST_MAX ? name.substring(0, HOST_MAX) : name;
    }
}
