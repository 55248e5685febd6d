package com.propertyaudit.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

/** Error sentences for dialogs: a file error says what happened to the file and what to do. */
class FxTasksTest {

    @Test
    void fileErrorsSayWhatHappened() {
        assertThat(FxTasks.describe(new UncheckedIOException("x", new AccessDeniedException("/reports/a.pdf"))))
                .isEqualTo("/reports/a.pdf: permission denied: choose another file or folder.");
        assertThat(FxTasks.describe(new NoSuchFileException("/tmp/q.csv")))
                .isEqualTo("/tmp/q.csv does not exist (or its folder does not): choose another file or folder.");
    }

    @Test
    void otherErrorsKeepTheirOwnSentence() {
        assertThat(FxTasks.describe(new RuntimeException(new IllegalStateException("No batch 42."))))
                .isEqualTo("java.lang.IllegalStateException: No batch 42.");
        assertThat(FxTasks.describe(new IllegalArgumentException("Enter a name."))).isEqualTo("Enter a name.");
    }
}
