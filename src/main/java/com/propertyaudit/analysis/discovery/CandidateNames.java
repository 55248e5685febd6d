package com.propertyaudit.analysis.discovery;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names one answer puts forward as items: numbered and bulleted list items, numbered headings,
 * headings that stand alone (not a heading over a list, which groups items: "Little Italy"), the
 * first cell of a table row, and bold or linked names at the start of an item. What is taken must
 * look like a name: a few capitalised words, not a generic word, not a sentence, not a web site.
 */
final class CandidateNames {

    private static final Pattern HEADING = Pattern.compile("^\\s{0,3}#{1,6}\\s+(.*)$");
    private static final Pattern NUMBERED = Pattern.compile("^\\s*\\d{1,2}[.)]\\s+(.*)$");
    private static final Pattern BULLET = Pattern.compile("^\\s*[-*•+]\\s+(.*)$");
    private static final Pattern TABLE_SEPARATOR = Pattern.compile("^\\s*\\|?\\s*:?-{2,}.*$");
    private static final Pattern BOLD_START = Pattern.compile("^(?:\\*\\*|__)(.+?)(?:\\*\\*|__)");
    private static final Pattern LINK_START = Pattern.compile("^\\[([^\\]]+)\\]\\([^)]*\\)");
    /** Where a plain item's name ends: a dash, a colon, a parenthesis, a comma, a full stop. */
    private static final Pattern NAME_END = Pattern.compile("\\s+[–—-]\\s+|:|\\s*\\(|,|\\.\\s|\\.$|\\s+at\\s+\\d");
    private static final Pattern DOMAIN_LIKE = Pattern.compile("(?i)\\b[a-z0-9-]+\\.(com|net|org|io|co|us|uk|ca|au|info|biz)\\b");

    private static final Set<String> CONNECTORS = Set.of("at", "on", "the", "of", "and", "&", "in", "by", "del",
            "de", "la", "le", "du", "at the", "on the", "y", "a");
    /** Words that head sections and tips, not communities. */
    private static final Set<String> GENERIC = Set.of("here", "pros", "cons", "pricing", "price", "prices", "note",
            "notes", "amenities", "location", "locations", "summary", "overview", "tips", "tip", "conclusion",
            "features", "highlights", "considerations", "bottom line", "final thoughts", "recommendations",
            "options", "budget", "luxury", "pet policy", "parking", "neighborhood", "neighborhoods", "transit",
            "reviews", "rent", "rents", "availability", "best for", "why", "key features", "things to consider",
            "what to look for", "next steps", "sources", "references", "disclaimer", "important", "keep in mind",
            "cost", "costs", "fees", "pet fees", "deposit", "move-in specials", "specials", "contact", "website",
            "address", "phone", "rating", "ratings", "community", "apartments", "apartment", "studios", "studio",
            "name", "property", "area", "notable", "other options", "honorable mentions", "quick comparison",
            "comparison", "at a glance", "verdict", "my take", "best overall", "runner-up", "also consider",
            "amenity", "walkability", "safety", "commute", "schools", "nightlife", "dining", "downsides", "upsides",
            "good", "bad", "yes", "no", "none", "tl;dr", "faq", "average rent", "unit types", "floor plans", "utilities",
            "laundry", "gym", "pool", "views", "storage", "security", "internet", "leasing", "lease terms", "noise",
            "application fee", "size", "layout", "maintenance", "management", "insurance", "deposits", "move-in");
    /** Words a sentence or an instruction starts with; a name does not. */
    private static final Set<String> SENTENCE_STARTS = Set.of("here", "this", "these", "those", "check", "consider",
            "look", "visit", "use", "if", "when", "for", "most", "many", "some", "all", "you", "your", "it", "they",
            "i", "we", "our", "there", "what", "why", "how", "best", "top", "great", "ask", "call", "tour", "book",
            "compare", "read", "see", "search", "try", "make", "keep", "expect", "note", "also", "both", "each",
            "overall", "based", "according", "monthly", "rent", "prices", "pricing", "pros", "cons", "pet", "pets",
            "near", "close", "walking", "located", "known", "offers", "features", "includes", "with", "starting",
            "studios", "one", "two", "three", "1br", "2br", "average", "typical", "about", "around", "approximately",
            "budget", "luxury", "affordable", "cheap", "mid-range", "moderate", "high-end", "upscale");

    private CandidateNames() {}

    /** The names this answer puts forward, in text order, each once. */
    static List<String> in(String text) {
        String[] lines = text.split("\\R");
        Set<String> names = new LinkedHashSet<>();
        boolean inTable = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String item = null;
            Matcher m;
            if (line.strip().startsWith("|")) {
                // The first row of a table is its header; the separator row follows it.
                boolean header = !inTable && i + 1 < lines.length && TABLE_SEPARATOR.matcher(lines[i + 1]).matches();
                inTable = true;
                if (!header && !TABLE_SEPARATOR.matcher(line).matches()) item = firstCell(line);
            } else {
                inTable = false;
                if ((m = HEADING.matcher(line)).matches()) {
                    String heading = m.group(1).strip();
                    Matcher numbered = NUMBERED.matcher(heading);
                    if (numbered.matches()) item = numbered.group(1);
                    else if (!headsAList(lines, i)) item = heading;
                } else if ((m = NUMBERED.matcher(line)).matches() || (m = BULLET.matcher(line)).matches()) {
                    item = m.group(1);
                }
            }
            if (item == null) continue;
            String name = nameOf(item.strip());
            if (name != null) names.add(name);
        }
        return new ArrayList<>(names);
    }

    /** A heading followed by list items before the next heading groups them (a neighbourhood, a price band). */
    private static boolean headsAList(String[] lines, int heading) {
        for (int j = heading + 1; j < lines.length; j++) {
            String l = lines[j];
            if (HEADING.matcher(l).matches()) return false;
            if (NUMBERED.matcher(l).matches() || BULLET.matcher(l).matches() || l.strip().startsWith("|")) return true;
        }
        return false;
    }

    private static String firstCell(String row) {
        String r = row.strip().substring(1);
        int bar = r.indexOf('|');
        return bar < 0 ? r : r.substring(0, bar);
    }

    /** The name at the start of an item, or null when the item does not start with one. */
    static String nameOf(String item) {
        String s = item.replaceAll("^[\\p{So}\\p{Sk}\\s]+", "").strip();
        String name;
        Matcher bold = BOLD_START.matcher(s);
        Matcher link = LINK_START.matcher(s);
        if (bold.find()) {
            name = bold.group(1);
            Matcher inner = LINK_START.matcher(name.strip());
            if (inner.find()) name = inner.group(1);
        } else if (link.find()) {
            name = link.group(1);
        } else {
            Matcher end = NAME_END.matcher(s);
            name = end.find() ? s.substring(0, end.start()) : s;
        }
        return clean(name);
    }

    private static String clean(String raw) {
        String s = raw.replace("**", "").replace("__", "").replace("*", "").replace("`", "").strip();
        // "Name (Neighborhood)", "Name – description", "Name:" inside the bold part.
        s = s.replaceAll("\\s*\\(.*$", "").replaceAll("\\s+[–—-]\\s+.*$", "").replaceAll("[:.,;!]+$", "").strip();
        if (s.isEmpty() || s.length() > 60 || s.contains("?") || DOMAIN_LIKE.matcher(s).find()) return null;
        String lower = s.toLowerCase(Locale.ROOT);
        if (GENERIC.contains(lower)) return null;
        String[] words = s.split("\\s+");
        if (words.length > 6) return null;
        if (SENTENCE_STARTS.contains(words[0].toLowerCase(Locale.ROOT))) return null;
        if (!Character.isUpperCase(firstLetter(words[0])) && !Character.isDigit(words[0].charAt(0))) return null;
        for (String w : words) {
            String lw = w.toLowerCase(Locale.ROOT);
            char c = firstLetter(w);
            boolean capitalised = Character.isUpperCase(c) || Character.isDigit(w.charAt(0));
            if (!capitalised && !CONNECTORS.contains(lw)) return null;
        }
        if (s.matches("[\\d\\s$,.%/-]+")) return null;
        return s;
    }

    private static char firstLetter(String w) {
        for (int i = 0; i < w.length(); i++) {
            if (Character.isLetterOrDigit(w.charAt(i))) return w.charAt(i);
        }
        return ' ';
    }
}
