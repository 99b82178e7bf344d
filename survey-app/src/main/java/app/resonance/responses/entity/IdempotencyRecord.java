package app.resonance.responses.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * The outcome of the first submission under an Idempotency-Key. Stored in the same transaction as the
 * response, so a retry finds either both or neither; its primary key makes concurrent duplicates wait
 * for the first and then fail, after which they replay it.
 */
@Entity
@Table(name = "idempotency_record")
@IdClass(IdempotencyRecord.Key.class)
public class IdempotencyRecord {

    @Id
    private String scope;

    @Id
    @Column(name = "idem_key")
    private String key;

    @Column(name = "request_hash", nullable = false)
    private String requestHash;

    @Column(name = "status_code", nullable = false)
    private int statusCode;

    private String location;

    @Column(nullable = false)
    private String body;

    @Column(name = "response_id")
    private Long responseId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected IdempotencyRecord() {}

    public IdempotencyRecord(
            String scope,
            String key,
            String requestHash,
            int statusCode,
            String location,
            String body,
            Long responseId,
            Instant createdAt) {
        this.scope = scope;
        this.key = key;
        this.requestHash = requestHash;
        this.statusCode = statusCode;
        this.location = location;
        this.body = body;
        this.responseId = responseId;
        this.createdAt = createdAt;
    }

    /** Records the outcome of the submission that claimed this key. */
    public void record(int status, String location, String body, Long responseId) {
        this.statusCode = status;
        this.location = location;
        this.body = body;
        this.responseId = responseId;
    }

    public boolean sameRequest(String hash) {
        return requestHash.equals(hash);
    }

    public int statusCode() {
        return statusCode;
    }

    public String location() {
        return location;
    }

    public String body() {
        return body;
    }

    public Long responseId() {
        return responseId;
    }

    /** The composite primary key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String scope;
        private String key;

        public Key() {}

        public Key(String scope, String key) {
            this.scope = scope;
            this.key = key;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && Objects.equals(scope, other.scope) && Objects.equals(key, other.key);
        }

        @Override
        public int hashCode() {
            return Objects.hash(scope, key);
        }
    }
}
