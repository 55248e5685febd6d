package com.propertyaudit.report;

import com.lowagie.text.pdf.BaseFont;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Fonts the PDF falls back to for characters its own DejaVu Sans lacks: Chinese, Japanese and Korean
 * (WenQuanYi Micro Hei, TrueType outlines, Debian {@code fonts-wqy-microhei}) and emoji and other
 * symbols (Symbola, Debian {@code fonts-symbola}), found where the system keeps them. Only the glyphs
 * used are embedded. A missing font is skipped: those characters then print as DejaVu's box.
 */
final class FallbackFonts {

    /** Candidate files, in order of preference; a ",0" suffix picks the first face of a collection. */
    private static final List<String> CANDIDATES = List.of(
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc,0",
            "/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf",
            "/usr/share/fonts/truetype/ancient-scripts/Symbola.ttf",
            "/usr/share/fonts/TTF/Symbola.ttf");

    private static final List<BaseFont> FONTS = load();

    private FallbackFonts() {}

    static List<BaseFont> all() {
        return FONTS;
    }

    private static List<BaseFont> load() {
        List<BaseFont> out = new ArrayList<>();
        boolean symbols = false;
        for (String c : CANDIDATES) {
            String file = c.endsWith(",0") ? c.substring(0, c.length() - 2) : c;
            boolean isSymbola = file.contains("Symbola");
            if (isSymbola && symbols || !Files.isReadable(Path.of(file))) continue;
            try {
                out.add(BaseFont.createFont(c, BaseFont.IDENTITY_H, BaseFont.EMBEDDED));
                symbols |= isSymbola;
            } catch (Exception e) {
                // An unreadable font file is the same as none: its characters print as boxes.
            }
        }
        return List.copyOf(out);
    }
}
