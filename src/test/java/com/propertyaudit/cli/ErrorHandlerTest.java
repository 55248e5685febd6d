package com.propertyaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

/** File problems on the command line: one sentence naming the file, exit 2. */
class ErrorHandlerTest {

    @Test
    void aFileErrorNamesTheFileAndWhatHappened() {
        assertThat(ErrorHandler.fileProblem(new UncheckedIOException(new NoSuchFileException("/out/r.jsonl"))))
                .isEqualTo("/out/r.jsonl does not exist (or its folder does not). Check the path given to the command.");
        assertThat(ErrorHandler.fileProblem(new FileSystemException("/out", null, "Not a directory")))
                .isEqualTo("/out: Not a directory. Check the path given to the command.");
    }

    @Test
    void anotherIoErrorKeepsItsMessageAndOtherErrorsAreNotFileProblems() {
        assertThat(ErrorHandler.fileProblem(new IOException("Is a directory")))
                .isEqualTo("A file could not be read or written (Is a directory). Check the paths given to the command.");
        assertThat(ErrorHandler.fileProblem(new IllegalStateException("boom"))).isNull();
    }
}
