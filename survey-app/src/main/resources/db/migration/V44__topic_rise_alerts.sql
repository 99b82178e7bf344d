-- A topic whose share of the comments rose significantly (issue 18 part 5): the alert names the topic by its key
-- (kept when the topic is renamed or removed later), with the shares of the two windows in figure and
-- previous_figure and the Holm-adjusted p-value in p_value.
ALTER TABLE alert ADD COLUMN topic_key VARCHAR(40);
