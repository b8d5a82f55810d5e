package dev.panamax.jdbc;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;

/**
 * The update half of {@link ResultSet}, refused: Panamax result sets are {@code CONCUR_READ_ONLY}, so every
 * {@code updateXxx}, row insert, update, delete and refresh throws {@code SQLFeatureNotSupportedException}. Kept
 * apart so the classes that read rows hold only reading code.
 */
abstract class ReadOnlyResultSet implements ResultSet {

    private static SQLException readOnly() {
        return SqlErrors.notSupported("updating a result set (it is CONCUR_READ_ONLY)");
    }

    @Override
    public final int getConcurrency() throws SQLException {
        return CONCUR_READ_ONLY;
    }

    @Override
    public final boolean rowUpdated() throws SQLException {
        return false;
    }

    @Override
    public final boolean rowInserted() throws SQLException {
        return false;
    }

    @Override
    public final boolean rowDeleted() throws SQLException {
        return false;
    }

    @Override
    public final void insertRow() throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateRow() throws SQLException {
        throw readOnly();
    }

    @Override
    public final void deleteRow() throws SQLException {
        throw readOnly();
    }

    @Override
    public final void refreshRow() throws SQLException {
        throw readOnly();
    }

    @Override
    public final void cancelRowUpdates() throws SQLException {
        throw readOnly();
    }

    @Override
    public final void moveToInsertRow() throws SQLException {
        throw readOnly();
    }

    @Override
    public final void moveToCurrentRow() throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateArray(String columnLabel, Array x1) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateArray(int columnIndex, Array x1) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateAsciiStream(String columnLabel, InputStream x1) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateAsciiStream(String columnLabel, InputStream x1, int x2) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateAsciiStream(String columnLabel, InputStream x1, long x2) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateAsciiStream(int columnIndex, InputStream x1) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateAsciiStream(int columnIndex, InputStream x1, int x2) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateAsciiStream(int columnIndex, InputStream x1, long x2) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateBigDecimal(String columnLabel, BigDecimal x1) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateBigDecimal(int columnIndex, BigDecimal x1) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateBinaryStream(String columnLabel, InputStream x1) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateBinaryStream(String columnLabel, InputStream x1, int x2) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateBinaryStream(String columnLabel, InputStream x1, long x2) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateBinaryStream(int columnIndex, InputStream x1) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateBinaryStream(int columnIndex, InputStream x1, int x2) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateBinaryStream(int columnIndex, InputStream x1, long x2) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateBlob(String columnLabel, Blob x1) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateBlob(String columnLabel, InputStream x1) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateBlob(String columnLabel, InputStream x1, long x2) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateBlob(int columnIndex, Blob x1) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateBlob(int columnIndex, InputStream x1) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateBlob(int columnIndex, InputStream x1, long x2) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateBoolean(String columnLabel, boolean x1) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateBoolean(int columnIndex, boolean x1) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateByte(String columnLabel, byte x1) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateByte(int columnIndex, byte x1) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateBytes(String columnLabel, byte[] x1) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateBytes(int columnIndex, byte[] x1) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateCharacterStream(String columnLabel, Reader x1) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateCharacterStream(String columnLabel, Reader x1, int x2) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateCharacterStream(String columnLabel, Reader x1, long x2) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateCharacterStream(int columnIndex, Reader x1) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateCharacterStream(int columnIndex, Reader x1, int x2) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateCharacterStream(int columnIndex, Reader x1, long x2) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateClob(String columnLabel, Clob x1) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateClob(String columnLabel, Reader x1) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateClob(String columnLabel, Reader x1, long x2) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateClob(int columnIndex, Clob x1) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateClob(int columnIndex, Reader x1) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateClob(int columnIndex, Reader x1, long x2) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateDate(String columnLabel, Date x1) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateDate(int columnIndex, Date x1) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateDouble(String columnLabel, double x1) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateDouble(int columnIndex, double x1) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateFloat(String columnLabel, float x1) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateFloat(int columnIndex, float x1) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateInt(String columnLabel, int x1) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateInt(int columnIndex, int x1) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateLong(String columnLabel, long x1) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateLong(int columnIndex, long x1) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateNCharacterStream(String columnLabel, Reader x1) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateNCharacterStream(String columnLabel, Reader x1, long x2) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateNCharacterStream(int columnIndex, Reader x1) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateNCharacterStream(int columnIndex, Reader x1, long x2) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateNClob(String columnLabel, NClob x1) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateNClob(String columnLabel, Reader x1) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateNClob(String columnLabel, Reader x1, long x2) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateNClob(int columnIndex, NClob x1) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateNClob(int columnIndex, Reader x1) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateNClob(int columnIndex, Reader x1, long x2) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateNString(String columnLabel, String x1) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateNString(int columnIndex, String x1) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateNull(String columnLabel) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateNull(int columnIndex) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateObject(String columnLabel, Object x1) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateObject(String columnLabel, Object x1, SQLType x2) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateObject(String columnLabel, Object x1, SQLType x2, int x3) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateObject(String columnLabel, Object x1, int x2) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateObject(int columnIndex, Object x1) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateObject(int columnIndex, Object x1, SQLType x2) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateObject(int columnIndex, Object x1, SQLType x2, int x3) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateObject(int columnIndex, Object x1, int x2) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateRef(String columnLabel, Ref x1) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateRef(int columnIndex, Ref x1) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateRowId(String columnLabel, RowId x1) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateRowId(int columnIndex, RowId x1) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateSQLXML(String columnLabel, SQLXML x1) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateSQLXML(int columnIndex, SQLXML x1) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateShort(String columnLabel, short x1) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateShort(int columnIndex, short x1) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateString(String columnLabel, String x1) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateString(int columnIndex, String x1) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateTime(String columnLabel, Time x1) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateTime(int columnIndex, Time x1) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateTimestamp(String columnLabel, Timestamp x1) throws SQLException {
        throw readOnly();
    }

    @Override
    public final void updateTimestamp(int columnIndex, Timestamp x1) throws SQLException {
        throw readOnly();
    }
}
