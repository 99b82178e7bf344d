-- Teams, routing and escalation (issue 17 part 2). A team has members (users) and a lead. An alert rule's tasks
-- can be routed: ordered entries "attribute = value -> user or team" (attribute: segment (a segment key of the
-- response), region, plan, lifecycle_stage or any customer attribute); the first entry that matches names the
-- assignee, within a team picked round robin or least busy (the rule's team_pick); none matches: the least busy
-- support lead, as before. A rule's due_hours (NULL: the configured days) set the task's due_at; a task still open
-- past it is escalated once to its team's lead (escalated_at).
CREATE SEQUENCE team_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE team (
    id                 BIGINT        NOT NULL PRIMARY KEY,
    name               VARCHAR(100)  NOT NULL,
    lead_id            BIGINT        REFERENCES app_user (id) ON DELETE SET NULL,
    last_assignee_id   BIGINT,
    created_at         TIMESTAMP     NOT NULL,
    updated_at         TIMESTAMP     NOT NULL,
    CONSTRAINT uq_team_name UNIQUE (name)
);

CREATE TABLE team_member (
    team_id  BIGINT NOT NULL REFERENCES team (id) ON DELETE CASCADE,
    user_id  BIGINT NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    PRIMARY KEY (team_id, user_id)
);

ALTER TABLE alert_rule ADD COLUMN due_hours INTEGER;
ALTER TABLE alert_rule ADD COLUMN team_pick VARCHAR(12) DEFAULT 'LEAST_BUSY' NOT NULL;

CREATE TABLE alert_route (
    rule_id    BIGINT        NOT NULL REFERENCES alert_rule (id) ON DELETE CASCADE,
    position   INTEGER       NOT NULL,
    attribute  VARCHAR(60)   NOT NULL,
    attr_value VARCHAR(200)  NOT NULL,
    user_id    BIGINT        REFERENCES app_user (id) ON DELETE CASCADE,
    team_id    BIGINT        REFERENCES team (id) ON DELETE CASCADE,
    PRIMARY KEY (rule_id, position)
);

ALTER TABLE follow_up ADD COLUMN team_id BIGINT REFERENCES team (id) ON DELETE SET NULL;
ALTER TABLE follow_up ADD COLUMN due_at TIMESTAMP;
ALTER TABLE follow_up ADD COLUMN escalated_at TIMESTAMP;
CREATE INDEX ix_follow_up_due_at ON follow_up (due_at);
