package com.propertyaudit.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.propertyaudit.domain.StoredAnswer;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How exports are written: into place only when whole, temporary files gone whatever happens. */
class ExportFilesTest {

    @TempDir
    Path dir;

    static List<String> names(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** A batch whose last answer cannot be written: the export fails half-way through. */
    static ReportData failingHalfWay() {
        ReportData d = ReportTest.data();
        List<StoredAnswer> answers = new ArrayList<>(d.answers());
        answers.add(null);
        return new ReportData(d.batch(), d.runs(), answers, d.insights(), d.trend());
    }

    @Test
    void csvFilesGoIntoANewFolderWhole() throws Exception {
        CsvExport.write(ReportTest.data(), dir.resolve("out"));
        assertThat(names(dir.resolve("out"))).containsExactlyInAnyOrderElementsOf(CsvExport.FILES);
        assertThat(names(dir)).containsExactly("out");
    }

    @Test
    void csvFilesReplaceTheirNamesakesInAnExistingFolderAndLeaveOtherFiles() throws Exception {
        Path out = Files.createDirectory(dir.resolve("out"));
        Files.writeString(out.resolve("notes.txt"), "mine");
        Files.writeString(out.resolve("summary.csv"), "old");
        CsvExport.write(ReportTest.data(), out);
        assertThat(names(out)).contains("notes.txt").containsAll(CsvExport.FILES).hasSize(CsvExport.FILES.size() + 1);
        assertThat(Files.readString(out.resolve("summary.csv"))).isNotEqualTo("old");
    }

    @Test
    void aFailedCsvExportLeavesNothingHalfWrittenAndNoTemporaryFiles() throws Exception {
        assertThatThrownBy(() -> CsvExport.write(failingHalfWay(), dir.resolve("out"))).isNotNull();
        assertThat(names(dir)).isEmpty();
        Path existing = Files.createDirectory(dir.resolve("existing"));
        Files.writeString(existing.resolve("summary.csv"), "old");
        assertThatThrownBy(() -> CsvExport.write(failingHalfWay(), existing)).isNotNull();
        assertThat(names(existing)).containsExactly("summary.csv");
        assertThat(Files.readString(existing.resolve("summary.csv"))).isEqualTo("old");
        assertThatThrownBy(() -> CsvExport.write(failingHalfWay(), dir.resolve("out.zip"))).isNotNull();
        assertThat(names(dir)).containsExactly("existing");
    }

    /** Found by CliInputFuzzTest: the folders made for an export that then fails are taken away again. */
    @Test
    void aFailedExportLeavesNoFolderItCreated() {
        String tooLong = "n".repeat(300);
        assertThatThrownBy(() -> CsvExport.write(ReportTest.data(), dir.resolve("Harbor Point../" + tooLong))).isNotNull();
        assertThat(dir.toFile().list()).isEmpty();
        assertThatThrownBy(() -> CsvExport.write(failingHalfWay(), dir.resolve("a/b/out"))).isNotNull();
        assertThat(dir.toFile().list()).isEmpty();
        assertThatThrownBy(() -> PdfReport.write(failingHalfWay(), dir.resolve("new/r.pdf"))).isNotNull();
        assertThat(dir.toFile().list()).isEmpty();
    }

    @Test
    void aFailedPdfLeavesNoTemporaryFile() {
        assertThatThrownBy(() -> PdfReport.write(failingHalfWay(), dir.resolve("r.pdf"))).isNotNull();
        assertThat(dir.resolve("r.pdf")).doesNotExist();
        assertThat(dir.toFile().list()).isEmpty();
    }

    @Test
    void pathsThatCannotTakeTheExportAreRefusedBeforeAnythingIsWritten() throws Exception {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Path full = Files.createDirectory(dir.resolve("full"));
        Files.writeString(full.resolve("a.txt"), "a");
        Path zipFolder = Files.createDirectory(dir.resolve("x.zip"));
        Path file = Files.writeString(dir.resolve("file"), "f");
        assertThatThrownBy(() -> PdfReport.write(ReportTest.data(), Path.of("")))
                .isInstanceOf(ExportTargets.UnusableTarget.class).hasMessage("No file was named: give the PDF file"
                        + " to write, like report.pdf.");
        assertThatThrownBy(() -> CsvExport.write(ReportTest.data(), Path.of(" ")))
                .isInstanceOf(ExportTargets.UnusableTarget.class).hasMessageStartingWith("No file was named");
        assertThatThrownBy(() -> PdfReport.write(ReportTest.data(), empty))
                .hasMessage(empty + " is a folder: give the path of the PDF file to write, like " + empty.resolve("report.pdf") + ".");
        assertThatThrownBy(() -> PdfReport.write(ReportTest.data(), full)).hasMessageContaining("is a folder");
        assertThatThrownBy(() -> CsvExport.write(ReportTest.data(), zipFolder))
                .hasMessageStartingWith(zipFolder + " is a folder, not a zip file");
        assertThatThrownBy(() -> CsvExport.write(ReportTest.data(), file))
                .hasMessageStartingWith(file + " is a file, not a folder");
        assertThatThrownBy(() -> PdfReport.write(ReportTest.data(), file.resolve("sub/r.pdf")))
                .hasMessage(file + " is a file, not a folder: choose another place for the export.");
        assertThat(empty).isEmptyDirectory();
        assertThat(names(full)).containsExactly("a.txt");
        assertThat(zipFolder).isEmptyDirectory();
        assertThat(names(dir)).containsExactly("empty", "file", "full", "x.zip");
    }

    @Test
    void aFolderThatCannotBeWrittenIsASentence() throws Exception {
        Path locked = Files.createDirectory(dir.resolve("locked"));
        assumeTrue(locked.toFile().setWritable(false, false) && !Files.isWritable(locked), "root writes anywhere");
        try {
            assertThatThrownBy(() -> PdfReport.write(ReportTest.data(), locked.resolve("r.pdf")))
                    .hasMessage("The folder " + locked + " cannot be written: choose a folder you may write to.");
            assertThatThrownBy(() -> CsvExport.write(ReportTest.data(), locked.resolve("a/b")))
                    .hasMessageContaining("cannot be written");
        } finally {
            locked.toFile().setWritable(true);
        }
    }

    @Test
    void aFullDiskIsTheWriteErrorNotAPdfSyntaxError() throws Exception {
        Path devFull = Path.of("/dev/full");
        assumeTrue(Files.isWritable(devFull), "a device that is always full");
        try (OutputStream out = new FileOutputStream(devFull.toFile())) {
            assertThatThrownBy(() -> PdfReport.writeTo(ReportTest.data(), out)).isInstanceOf(IOException.class)
                    .hasMessageContaining("No space left on device");
        }
        IOException full = FileProblems.whileWriting(dir, new IOException("No space left on device"));
        assertThat(full).isInstanceOf(FileProblems.DiskFull.class)
                .hasMessage("The disk holding " + dir + " is full: free some space and try again.");
        assertThat(FileProblems.diskFull(new java.io.UncheckedIOException(full))).isSameAs(full);
        assertThat(FileProblems.whileWriting(dir, new IOException("Stale file handle"))).isNotInstanceOf(
                FileProblems.DiskFull.class);
    }
}
