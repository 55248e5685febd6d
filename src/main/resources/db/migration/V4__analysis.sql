-- Wave 2, the "why" layer. batch_insight holds a batch's holistic analysis: the latest attempt's
-- status (completed, failed), who wrote it, what it cost, and the items of the last completed one.
ALTER TABLE batch_insight ALTER COLUMN insight DROP NOT NULL;
ALTER TABLE batch_insight ADD COLUMN status VARCHAR(20) DEFAULT 'completed' NOT NULL;
ALTER TABLE batch_insight ADD COLUMN surface VARCHAR(200);
ALTER TABLE batch_insight ADD COLUMN model VARCHAR(200);
ALTER TABLE batch_insight ADD COLUMN analysis TEXT;          -- consensus, divergences, recommendations, droppedItems (JSON)
ALTER TABLE batch_insight ADD COLUMN input_tokens BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE batch_insight ADD COLUMN output_tokens BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE batch_insight ADD COLUMN cost_usd DOUBLE PRECISION DEFAULT 0 NOT NULL;
ALTER TABLE batch_insight ADD COLUMN error TEXT;             -- a sentence when the latest attempt failed

-- Phase 2: how each answer speaks of each entity it names, asked once per answer and entity.
CREATE TABLE answer_sentiment (
    answer_id    BIGINT NOT NULL REFERENCES answer(id) ON DELETE CASCADE,
    entity       VARCHAR(300) NOT NULL,
    sentiment    VARCHAR(20) NOT NULL,      -- positive, neutral, negative, unknown (the model does not know it)
    evidence     TEXT,                      -- the sentence of the answer the judgement rests on
    surface      VARCHAR(200) NOT NULL,     -- who judged it (simulated:demo, openai:gpt-5 …)
    judged_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (answer_id, entity)
);
