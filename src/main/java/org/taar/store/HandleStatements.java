package org.taar.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import org.jdbi.v3.core.statement.DefaultStatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Keeps a handle's prepared statements for the life of the handle, one idle statement per SQL
 * text, so that a transaction which runs the same statement many times (an import batch writes
 * 500 stories, each with its tags, fingerprint bands, version, wire row and audit) prepares it once.
 * SQLite prepares every statement afresh otherwise: a third of an import's writing time went to
 * {@code sqlite3_prepare} (bench/RESULTS.md, "import"). A statement is handed out again only after
 * Jdbi has closed it, so two open uses never share one; all are closed with the handle.
 */
final class HandleStatements implements StatementBuilder {
    // Enough for every distinct statement of a story's write; beyond it statements are closed as before.
    private static final int IDLE_MAX = 128;

    private final DefaultStatementBuilder plain = new DefaultStatementBuilder();
    private final Map<String, PreparedStatement> idle = new HashMap<>();
    // What each kept statement was prepared from: Jdbi closes a statement naming its SQL before
    // named parameters became '?', so the prepared text is remembered here.
    private final Map<Statement, String> kept = new IdentityHashMap<>();

    @Override
    public Statement create(Connection conn, StatementContext ctx) throws SQLException {
        return plain.create(conn, ctx);
    }

    @Override
    public PreparedStatement create(Connection conn, String sql, StatementContext ctx) throws SQLException {
        // Statements that return generated keys or update in place are made with other options: not kept.
        if (ctx.isReturningGeneratedKeys() || ctx.isConcurrentUpdatable()) return plain.create(conn, sql, ctx);
        PreparedStatement s = idle.remove(sql);
        if (s != null && !s.isClosed()) return s;
        if (s != null) kept.remove(s);
        s = plain.create(conn, sql, ctx);
        kept.put(s, sql);
        return s;
    }

    @Override
    public java.sql.CallableStatement createCall(Connection conn, String sql, StatementContext ctx) throws SQLException {
        return plain.createCall(conn, sql, ctx);
    }

    @Override
    public void close(Connection conn, String named, Statement stmt) throws SQLException {
        String sql = kept.get(stmt);
        if (sql == null || stmt.isClosed() || idle.size() >= IDLE_MAX || idle.containsKey(sql)) {
            kept.remove(stmt);
            plain.close(conn, named, stmt);
            return;
        }
        try {
            stmt.clearBatch();
            ((PreparedStatement) stmt).clearParameters();
        } catch (SQLException e) {
            kept.remove(stmt);
            plain.close(conn, named, stmt);
            return;
        }
        idle.put(sql, (PreparedStatement) stmt);
    }

    @Override
    public void close(Connection conn) {
        for (PreparedStatement s : idle.values()) {
            try {
                s.close();
            } catch (SQLException ignored) {
                // The connection is going back to the pool, which closes what is left on it.
            }
        }
        idle.clear();
        kept.clear();
    }
}
