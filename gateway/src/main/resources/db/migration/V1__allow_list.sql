-- Allow list of remote XMPP domains (see org.parley.gateway.allowlist).
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL. Timestamps are TIMESTAMP WITH TIME ZONE, written in UTC.

CREATE TABLE allow_list (
    domain      VARCHAR(253) NOT NULL,
    tls_policy  VARCHAR(16)  NOT NULL,
    auth_policy VARCHAR(16)  NOT NULL,
    host        VARCHAR(253),
    port        INTEGER,
    enabled     BOOLEAN      NOT NULL,
    origin      VARCHAR(16)  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT allow_list_pk PRIMARY KEY (domain),
    CONSTRAINT allow_list_tls_policy_ck CHECK (tls_policy IN ('required', 'optional', 'disabled')),
    CONSTRAINT allow_list_auth_policy_ck CHECK (auth_policy IN ('external', 'dialback', 'any')),
    CONSTRAINT allow_list_port_ck CHECK (port BETWEEN 1 AND 65535),
    CONSTRAINT allow_list_origin_ck CHECK (origin IN ('config', 'cli'))
);

-- Change detection: a single row whose revision every write to allow_list increments in the same transaction.
-- Writers also lock this row first, which serialises allow-list writes across processes.
CREATE TABLE allow_list_revision (
    id       INTEGER NOT NULL,
    revision BIGINT  NOT NULL,
    CONSTRAINT allow_list_revision_pk PRIMARY KEY (id),
    CONSTRAINT allow_list_revision_single_row_ck CHECK (id = 1)
);

INSERT INTO allow_list_revision (id, revision) VALUES (1, 0);
