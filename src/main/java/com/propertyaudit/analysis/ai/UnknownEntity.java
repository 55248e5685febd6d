package com.propertyaudit.analysis.ai;

import com.propertyaudit.domain.Mention;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Answers that name an entity only to say the model does not know it ("I couldn't find information
 * about Domain San Diego"). Such a mention is neutral-unknown: no model is asked about it, and it is
 * never read as a recommendation.
 */
public final class UnknownEntity {

    private static final Pattern DOES_NOT_KNOW = Pattern.compile("(?i)\\b(?:couldn[’']?t|could not|can[’']?t|cannot|"
            + "was unable to|am unable to|unable to|did not|didn[’']?t) (?:find|locate|verify|confirm)\\b"
            + "|\\b(?:no|not find any|any) (?:specific |reliable |current |detailed |up-to-date )?(?:information|details|data|"
            + "reviews|listings?) (?:about|on|for)\\b"
            + "|\\bdon[’']?t have (?:any |specific |reliable |current |detailed )?(?:information|details|data)\\b"
            + "|\\b(?:not|isn[’']?t|am not|i[’']?m not) (?:familiar with|aware of)\\b"
            + "|\\bno (?:record|mention) of\\b");

    private UnknownEntity() {}

    /** The sentence saying the model does not know the entity, or null when every mention of it says more. */
    public static String sentence(String text, List<Mention> mentionsOfEntity) {
        if (mentionsOfEntity.isEmpty()) return null;
        String first = null;
        for (Mention m : mentionsOfEntity) {
            String s = Sentences.around(text, m.start());
            if (!DOES_NOT_KNOW.matcher(s).find()) return null;
            if (first == null) first = s;
        }
        return first;
    }
}
