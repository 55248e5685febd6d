-- Wave 2: an answer's outcome (completed, refused, truncated, empty, failed) replaces its status,
-- and the pages a web search found that the answer does not cite are kept apart from its citations.
ALTER TABLE answer RENAME COLUMN status TO outcome;
ALTER TABLE answer ADD COLUMN retrieved TEXT;   -- JSON array of {url,title}: found by search, not cited

-- Replies stored as completed before outcomes existed, read as the provider meant them.
UPDATE answer SET outcome = 'truncated'
    WHERE outcome = 'completed' AND finish_reason IN ('length', 'max_tokens', 'incomplete', 'model_context_window_exceeded');
UPDATE answer SET outcome = 'refused'
    WHERE outcome = 'completed' AND (finish_reason IN ('refusal', 'content_filter') OR note LIKE 'The model refused%');
UPDATE answer SET outcome = 'empty'
    WHERE outcome = 'completed' AND (text IS NULL OR TRIM(text) = '');
UPDATE answer SET score = 0, brand_mentioned = FALSE, brand_rank = NULL, brand_cited = FALSE
    WHERE outcome <> 'completed';
DELETE FROM mention WHERE answer_id IN (SELECT id FROM answer WHERE outcome <> 'completed');
DELETE FROM citation WHERE answer_id IN (SELECT id FROM answer WHERE outcome <> 'completed');
UPDATE run SET score = (SELECT AVG(a.score) FROM answer a
    WHERE a.run_id = run.id AND a.outcome IN ('completed', 'refused'));
