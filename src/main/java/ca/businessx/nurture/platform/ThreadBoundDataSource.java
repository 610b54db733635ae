package ca.businessx.nurture.platform;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Hands out the connection of the transaction running on this thread, if any, so that a library
 * writing through a DataSource (the scheduler client) joins that transaction instead of committing
 * on its own. The lent connection ignores close(); its owner closes it.
 */
final class ThreadBoundDataSource implements DataSource {
  private final DataSource pool;
  private final ThreadLocal<Connection> current = new ThreadLocal<>();

  ThreadBoundDataSource(DataSource pool) {
    this.pool = pool;
  }

  void bind(Connection connection) {
    current.set(connection);
  }

  void unbind() {
    current.remove();
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection tx = current.get();
    return tx == null ? pool.getConnection() : unclosable(tx);
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return getConnection();
  }

  private static Connection unclosable(Connection target) {
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              if (method.getName().equals("close")) {
                return null;
              }
              try {
                return method.invoke(target, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return pool.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    pool.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    pool.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return pool.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return pool.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return pool.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return pool.isWrapperFor(iface);
  }
}
