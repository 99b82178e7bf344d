-- Bulk data for the benchmarks, on top of the demo (its surveys, segments and accounts come from the
-- app's own Flyway migrations and demo loader). psql variables: customers, responses.
-- Everything is generated inside PostgreSQL (INSERT ... SELECT over generate_series: no client round
-- trips, which is as fast as COPY), ids come from the app's sequences (setval afterwards), and the
-- response_event outbox is left empty because the rollups are rebuilt afterwards through the app.
\set ON_ERROR_STOP on
\timing on
SET synchronous_commit = off;
SET work_mem = '256MB';

-- customers: plan, region and stage so that the demo's segment rules apply to them
SELECT COALESCE(MAX(id), 0) + 1000 AS cbase FROM customer \gset
INSERT INTO customer (id, external_id, name, email, plan, region, lifecycle_stage, renewal_date,
                      preferred_locale, created_at, updated_at, row_version)
SELECT :cbase + g, 'B-' || lpad(g::text, 7, '0'), 'Bench Customer ' || g, 'bench' || g || '@example.com',
       (ARRAY['enterprise', 'business', 'business', 'starter', 'starter'])[1 + g % 5],
       (ARRAY['DACH', 'DACH', 'EU', 'US', 'APAC'])[1 + (g / 5) % 5],
       (ARRAY['active', 'active', 'active', 'onboarding'])[1 + g % 4],
       DATE '2027-01-01' + (g % 365), CASE WHEN g % 3 = 0 THEN 'en' ELSE 'de' END,
       TIMESTAMP '2024-11-01', TIMESTAMP '2024-11-01', 0
FROM generate_series(1, :customers) g;

-- segment memberships of each new customer, from the same attributes the demo's rules use
CREATE TEMP TABLE bench_member AS
SELECT c.id AS customer_id, s.id AS segment_id
FROM customer c JOIN segment s ON
     (s.segment_key = 'enterprise-dach' AND c.plan = 'enterprise' AND c.region = 'DACH')
  OR (s.segment_key = 'enterprise-international' AND c.plan = 'enterprise' AND c.region <> 'DACH')
  OR (s.segment_key = 'business' AND c.plan = 'business')
  OR (s.segment_key = 'starter' AND c.plan = 'starter')
  OR (s.segment_key = 'onboarding' AND c.lifecycle_stage = 'onboarding')
WHERE c.external_id LIKE 'B-%';
CREATE INDEX ON bench_member (customer_id);
ANALYZE bench_member;

SELECT s.id AS sid, s.published_version_id AS vid,
       (SELECT q.id FROM question q WHERE q.survey_version_id = s.published_version_id AND q.question_key = 'nps') AS qnps,
       (SELECT q.id FROM question q WHERE q.survey_version_id = s.published_version_id AND q.question_key = 'reason') AS qreason
FROM survey s WHERE s.slug = 'relationship-nps' \gset

-- responses: two years up to now, customers round robin; the business segment dips about 40 NPS
-- points from month 9 to month 15 of the 24 and recovers over the following three months
SELECT COALESCE(MAX(id), 0) + 1000 AS rbase FROM response \gset
CREATE TEMP TABLE bench_response AS
SELECT :rbase + g AS id,
       :cbase + 1 + (g::bigint * 7919) % :customers AS customer_id,
       now()::timestamp - interval '730 days' + (g::double precision / :responses) * interval '730 days'
           + (random() * interval '1 hour') AS at,
       g::double precision / :responses AS t,
       random() AS r
FROM generate_series(1, :responses) g;

INSERT INTO response (id, survey_id, survey_version_id, customer_id, channel, locale, status, submitted_at,
                      received_at, updated_at, page_reached)
SELECT b.id, :sid, :vid, b.customer_id,
       (ARRAY['EMAIL', 'EMAIL', 'LINK', 'WIDGET', 'API'])[1 + (b.id % 5)::int],
       CASE WHEN b.customer_id % 3 = 0 THEN 'en' ELSE 'de' END, 'COMPLETE', b.at, b.at, b.at, 2
FROM bench_response b;

INSERT INTO response_segment (response_id, segment_id)
SELECT b.id, m.segment_id FROM bench_response b JOIN bench_member m ON m.customer_id = b.customer_id;

-- scores: a base mood per plan, the business dip (t 0.375..0.625) and recovery (to t 0.75)
CREATE TEMP TABLE bench_score AS
SELECT b.id, b.customer_id, b.r,
       LEAST(10, GREATEST(0, round(
           CASE c.plan WHEN 'enterprise' THEN 8.6 WHEN 'business' THEN 8.2 ELSE 7.6 END
           - CASE WHEN c.plan = 'business' AND b.t BETWEEN 0.375 AND 0.625 THEN 3.2
                  WHEN c.plan = 'business' AND b.t > 0.625 AND b.t < 0.75 THEN 3.2 * (0.75 - b.t) / 0.125
                  ELSE 0 END
           + (b.r - 0.5) * 5.0)))::int AS score,
       c.preferred_locale AS locale
FROM bench_response b JOIN customer c ON c.id = b.customer_id;

SELECT COALESCE(MAX(id), 0) + 1000 AS abase FROM answer \gset
INSERT INTO answer (id, response_id, question_id, score)
SELECT :abase + 2 * (id - :rbase), id, :qnps, score FROM bench_score;

-- a comment on about every third response, German or English by the customer's language
INSERT INTO answer (id, response_id, question_id, text_value)
SELECT :abase + 2 * (id - :rbase) + 1, id, :qreason,
       CASE WHEN locale = 'de' THEN
            (CASE WHEN score <= 6 THEN ARRAY['Der Support antwortet zu spät.', 'Die Rechnung war falsch, niemand hat zurückgerufen.', 'Zu teuer für das, was es kann.']
                  WHEN score <= 8 THEN ARRAY['Ganz ordentlich, die Berichte könnten besser sein.', 'Nicht schlecht, aber das Onboarding war zäh.']
                  ELSE ARRAY['Schnelle Hilfe vom Support, danke!', 'Sehr einfach zu bedienen.', 'Die Check-in-Anrufe helfen uns sehr.'] END)[1 + (id % 2)::int]
       ELSE
            (CASE WHEN score <= 6 THEN ARRAY['Support takes far too long to answer.', 'Wrong invoice and nobody called back.', 'Too expensive for what it does.']
                  WHEN score <= 8 THEN ARRAY['Decent, reporting could be better.', 'Not bad, but onboarding was slow.']
                  ELSE ARRAY['Quick help from support, thanks!', 'Very easy to use.', 'The check-in calls really help.'] END)[1 + (id % 2)::int]
       END
FROM bench_score WHERE :qreason IS NOT NULL AND id % 3 = 0;

SELECT setval('customer_seq', (SELECT MAX(id) FROM customer) + 50);
SELECT setval('response_seq', (SELECT MAX(id) FROM response) + 50);
SELECT setval('answer_seq', (SELECT MAX(id) FROM answer) + 50);
ANALYZE;
SELECT (SELECT COUNT(*) FROM customer) AS customers, (SELECT COUNT(*) FROM response) AS responses,
       (SELECT COUNT(*) FROM answer) AS answers, (SELECT COUNT(*) FROM response_segment) AS memberships;
