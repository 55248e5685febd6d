package com.propertyaudit.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserFilesTest {

    @TempDir
    Path dir;

    @Test
    void aFileForTheAnalystGetsTheSamePermissionsAsAnyNewFile() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path tmp = UserFiles.temporary(dir, ".report-", ".pdf");
        Path ordinary = Files.createFile(dir.resolve("ordinary.pdf"));
        assertThat(Files.getPosixFilePermissions(tmp)).isEqualTo(Files.getPosixFilePermissions(ordinary));
        assertThat(tmp.getFileName().toString()).startsWith(".report-").endsWith(".pdf");
        assertThat(Files.size(tmp)).isZero();
    }
}
