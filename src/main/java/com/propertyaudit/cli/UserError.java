package com.propertyaudit.cli;

/** An error the user can fix; its message is shown as is, and it maps to an exit code of cli.md. */
public class UserError extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final int exitCode;

    public UserError(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public UserError(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public static UserError badInput(String message) {
        return new UserError(PropertyAuditCommand.BAD_INPUT, message);
    }

    public static UserError environment(String message) {
        return new UserError(PropertyAuditCommand.ENVIRONMENT, message);
    }

    public int exitCode() {
        return exitCode;
    }
}
