-- A segment's trend falling significantly becomes a rule kind an admin configures (issue 17): SEGMENT_TREND compares
-- each segment's figure of the metric in question_type (NPS; CSAT, the share of 4-5; CES or RATING, the mean) over
-- the window_days up to the check's day with the window_days before, by the z test the dashboard uses, and fires
-- when the figure fell with p below significance and both windows have at least min_responses responses; at most
-- once per rule, survey, segment and period (window_days long blocks of days, from Monday 1970-01-05), which the
-- unique alert.dedup_key holds. The fixed daily NPS check (30 days against the 30 before, p < 0.05, n >= 30)
-- becomes the default rule 4; its alerts name it.
ALTER TABLE alert_rule ADD COLUMN window_days INTEGER;
ALTER TABLE alert_rule ADD COLUMN significance DOUBLE PRECISION;
ALTER TABLE alert_rule ADD COLUMN min_responses INTEGER;

INSERT INTO alert_rule (id, name, kind, question_type, window_days, significance, min_responses, action, paused,
                        created_at, updated_at)
    VALUES (4, 'Segment falling significantly', 'SEGMENT_TREND', 'NPS', 30, 0.05, 30, 'BOTH', FALSE,
            CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);
UPDATE alert SET rule_id = 4 WHERE kind = 'SEGMENT_DECLINE';
