-- More languages for respondents (issue 16 part 7): besides German and English, a survey's texts can be in French,
-- Italian, Spanish, Dutch and Polish. Each localized text keeps those further languages together in one JSON object
-- ({"fr":"...","pl":"..."}) next to its _de and _en columns; NULL when it has none.
ALTER TABLE survey_version ADD COLUMN title_more VARCHAR(2000);
ALTER TABLE survey_version ADD COLUMN intro_more VARCHAR(12000);
ALTER TABLE question ADD COLUMN text_more VARCHAR(6000);
ALTER TABLE question ADD COLUMN min_label_more VARCHAR(1000);
ALTER TABLE question ADD COLUMN max_label_more VARCHAR(1000);
ALTER TABLE question_option ADD COLUMN label_more VARCHAR(2000);
ALTER TABLE segment ADD COLUMN name_more VARCHAR(1000);
ALTER TABLE survey_version ALTER COLUMN languages SET DATA TYPE VARCHAR(40);
