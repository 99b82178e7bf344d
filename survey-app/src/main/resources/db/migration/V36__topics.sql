-- Topics as data (issue 18 part 5). Comments are tagged with topics an admin defines: a name per language and
-- keywords and phrases per language ('|'-separated), matched with Lucene's German and English analyzers (stems,
-- compound words, phrases as word sequences). A disabled topic tags nothing. The seven themes that were fixed in
-- code become the default topics (ids below 50, the same keys, so filters such as theme=SUPPORT keep working);
-- their keywords are whole words now (the analyzer finds the other forms) and "slow"/"langsam" left product
-- quality: "Support was slow" is about support.
CREATE SEQUENCE topic_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE topic (
    id           BIGINT         NOT NULL PRIMARY KEY,
    topic_key    VARCHAR(40)    NOT NULL,
    name_de      VARCHAR(60)    NOT NULL,
    name_en      VARCHAR(60)    NOT NULL,
    keywords_de  VARCHAR(2000),
    keywords_en  VARCHAR(2000),
    phrases_de   VARCHAR(2000),
    phrases_en   VARCHAR(2000),
    enabled      BOOLEAN        NOT NULL,
    created_at   TIMESTAMP      NOT NULL,
    updated_at   TIMESTAMP      NOT NULL,
    CONSTRAINT uq_topic_key UNIQUE (topic_key)
);

INSERT INTO topic (id, topic_key, name_de, name_en, keywords_de, keywords_en, phrases_de, phrases_en, enabled,
                   created_at, updated_at)
    VALUES (1, 'SUPPORT', 'Support', 'Support',
            'Support|Hilfe|Helpdesk|Hotline|Ticket|Antwort|geantwortet|Rückmeldung|Kundendienst|Kundenservice|Anfrage',
            'support|helpdesk|hotline|ticket|answer|respond|reply',
            NULL, 'help desk|service desk|customer service', TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);
INSERT INTO topic (id, topic_key, name_de, name_en, keywords_de, keywords_en, phrases_de, phrases_en, enabled,
                   created_at, updated_at)
    VALUES (2, 'PRICE', 'Preis', 'Price',
            'Preis|teuer|Kosten|günstig|Rechnung|Lizenz',
            'price|pricing|expensive|cost|cheap|invoice|license|licence',
            NULL, NULL, TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);
INSERT INTO topic (id, topic_key, name_de, name_en, keywords_de, keywords_en, phrases_de, phrases_en, enabled,
                   created_at, updated_at)
    VALUES (3, 'COMMUNICATION', 'Kommunikation', 'Communication',
            'Kommunikation|Kontakt|Anruf|gemeldet|informiert|niemand',
            'communication|communicate|contact|call|informed|nobody|email',
            'Check-in', 'got back|check-in|kept us informed', TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);
INSERT INTO topic (id, topic_key, name_de, name_en, keywords_de, keywords_en, phrases_de, phrases_en, enabled,
                   created_at, updated_at)
    VALUES (4, 'PRODUCT_QUALITY', 'Produktqualität', 'Product quality',
            'Fehler|Absturz|abgestürzt|zuverlässig|Qualität|stabil|kaputt',
            'bug|crash|error|reliable|reliability|quality|stable|broken',
            'lädt langsam|App ist langsam|Software ist langsam', 'loads slowly|slow to load|app is slow|software is slow', TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);
INSERT INTO topic (id, topic_key, name_de, name_en, keywords_de, keywords_en, phrases_de, phrases_en, enabled,
                   created_at, updated_at)
    VALUES (5, 'ONBOARDING', 'Einführung', 'Onboarding',
            'Onboarding|Einrichtung|Einführung|Einarbeitung',
            'onboarding|setup',
            NULL, 'set up|getting started', TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);
INSERT INTO topic (id, topic_key, name_de, name_en, keywords_de, keywords_en, phrases_de, phrases_en, enabled,
                   created_at, updated_at)
    VALUES (6, 'USABILITY', 'Bedienbarkeit', 'Ease of use',
            'einfach|intuitiv|umständlich|kompliziert|bedienen|Bedienung',
            'easy|intuitive|clumsy|complicated|confusing|usability|usable',
            NULL, NULL, TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);
INSERT INTO topic (id, topic_key, name_de, name_en, keywords_de, keywords_en, phrases_de, phrases_en, enabled,
                   created_at, updated_at)
    VALUES (7, 'REPORTING', 'Berichte und Dashboards', 'Reports and dashboards',
            'Bericht|Dashboard|Export|Excel|Auswertung',
            'report|reporting|dashboard|export|excel',
            NULL, NULL, TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);
