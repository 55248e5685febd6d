-- Wave 2, engines: the searcher's country, and per answer the searches the engine ran and the
-- approximate location its web search was sent from.
ALTER TABLE property ADD COLUMN country VARCHAR(2);   -- ISO 3166-1 alpha-2
ALTER TABLE answer ADD COLUMN searches TEXT;          -- JSON array of the search queries the engine ran
ALTER TABLE answer ADD COLUMN searched_from VARCHAR(400); -- "San Diego, CA, US": the user_location sent, or null
