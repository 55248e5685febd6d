package com.propertyaudit.analysis.ai;

/** What a model returned cannot be used as the analysis; the message is a sentence for the analyst. */
public final class AnalysisFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AnalysisFailure(String message) {
        super(message);
    }
}
