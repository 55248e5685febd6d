package com.propertyaudit.store;

/** SQL text for the few statements that take no parameters (H2's SCRIPT TO, RUNSCRIPT FROM). */
final class Sql {

    private Sql() {}

    /** A string literal: quotes doubled, so a file name can never end the literal. */
    static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
