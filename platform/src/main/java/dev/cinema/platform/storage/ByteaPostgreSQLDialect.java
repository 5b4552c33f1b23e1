package dev.cinema.platform.storage;

import java.sql.Types;
import org.hibernate.boot.model.TypeContributions;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.jdbc.BinaryJdbcType;

/**
 * Maps Axon's {@code @Lob byte[]} columns (payloads, metadata, tokens, sagas) to {@code bytea}.
 *
 * <p>Plain Hibernate maps them to PostgreSQL large objects (OID columns): the bytes then live in
 * {@code pg_largeobject}, are not removed with their rows, and a dump of the event table does not
 * contain the events. Axon's reference guide ("RDBMS tuning") recommends this dialect.
 */
public class ByteaPostgreSQLDialect extends PostgreSQLDialect {

    @Override
    protected String columnType(int sqlTypeCode) {
        return sqlTypeCode == SqlTypes.BLOB ? "bytea" : super.columnType(sqlTypeCode);
    }

    @Override
    protected String castType(int sqlTypeCode) {
        return sqlTypeCode == SqlTypes.BLOB ? "bytea" : super.castType(sqlTypeCode);
    }

    /**
     * PostgreSQL's JDBC driver reports {@code timestamptz} columns as plain TIMESTAMP, while
     * Hibernate maps {@code Instant} to TIMESTAMP_UTC; without this, schema validation refuses the
     * Flyway-created columns that are exactly right.
     */
    @Override
    public boolean equivalentTypes(int typeCode1, int typeCode2) {
        return super.equivalentTypes(typeCode1, typeCode2) || isTimestamp(typeCode1) && isTimestamp(typeCode2);
    }

    private static boolean isTimestamp(int typeCode) {
        return typeCode == Types.TIMESTAMP
                || typeCode == Types.TIMESTAMP_WITH_TIMEZONE
                || typeCode == SqlTypes.TIMESTAMP_UTC;
    }

    @Override
    public void contributeTypes(TypeContributions typeContributions, ServiceRegistry serviceRegistry) {
        super.contributeTypes(typeContributions, serviceRegistry);
        typeContributions
                .getTypeConfiguration()
                .getJdbcTypeRegistry()
                .addDescriptor(Types.BLOB, BinaryJdbcType.INSTANCE);
    }
}
