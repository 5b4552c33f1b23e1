package dev.cinema.platform.storage;

import java.sql.Types;
import org.hibernate.boot.model.TypeContributions;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.jdbc.VarbinaryJdbcType;

/**
 * The H2 twin of {@link ByteaPostgreSQLDialect}: Axon's blob columns become variable binaries, so
 * that one set of Flyway migrations (written with {@code bytea}) serves H2 and PostgreSQL, and
 * Hibernate's schema validation agrees with both.
 */
public class ByteaH2Dialect extends H2Dialect {

    @Override
    protected String columnType(int sqlTypeCode) {
        return sqlTypeCode == SqlTypes.BLOB ? "binary varying" : super.columnType(sqlTypeCode);
    }

    @Override
    protected String castType(int sqlTypeCode) {
        return sqlTypeCode == SqlTypes.BLOB ? "binary varying" : super.castType(sqlTypeCode);
    }

    @Override
    public void contributeTypes(TypeContributions typeContributions, ServiceRegistry serviceRegistry) {
        super.contributeTypes(typeContributions, serviceRegistry);
        typeContributions
                .getTypeConfiguration()
                .getJdbcTypeRegistry()
                .addDescriptor(Types.BLOB, VarbinaryJdbcType.INSTANCE);
    }
}
