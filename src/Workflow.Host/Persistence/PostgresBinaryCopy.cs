using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Npgsql;

namespace Workflow.Host.Persistence;

/// <summary>
/// Rows written in PostgreSQL's binary COPY format straight into a buffer sent by Npgsql's raw copy
/// stream: the column types a bulk insert meets (text, integer, bigint, boolean, date, timestamp with
/// time zone, numeric), encoded as PostgreSQL reads them, with the conventions Npgsql writes them by
/// (a DateTime must be UTC; DateTime and DateOnly's minimum and maximum are -infinity and infinity).
/// </summary>
/// <remarks>
/// Npgsql's <see cref="NpgsqlBinaryImporter"/> resolves, sizes and writes each value through a
/// parameter: about a quarter of a microsecond a value, which made the client, not the server, the
/// bound of a million-milestone import (50 values a milestone with its task and history). Here a value
/// is a few stores into a byte array. The format: PostgreSQL's documentation, COPY, "Binary Format";
/// numeric as <c>numeric.c</c> sends it (base-10000 digits, a weight, a sign and the display scale).
/// </remarks>
internal sealed class PostgresBinaryCopy : IAsyncDisposable
{
    private const int BufferSize = 64 * 1024;

    // DateTime ticks and DateOnly day number of 2000-01-01, PostgreSQL's epoch.
    private const long EpochTicks = 630_822_816_000_000_000;
    private static readonly int EpochDay = new DateOnly(2000, 1, 1).DayNumber;

    private readonly NpgsqlRawCopyStream stream;
    private readonly Kind[] kinds;
    private readonly byte[] buffer = new byte[BufferSize];
    private int position;
    private int column;
    private bool completed;

    /// <summary>What a column holds, as its store type names it.</summary>
    public enum Kind : byte
    {
        Text,
        Integer,
        BigInt,
        Boolean,
        Date,
        TimestampTz,
        Numeric,
    }

    private PostgresBinaryCopy(NpgsqlRawCopyStream stream, Kind[] kinds)
    {
        this.stream = stream;
        this.kinds = kinds;
        "PGCOPY\n"u8.CopyTo(buffer);
        buffer[7] = 0xFF;
        "\r\n\0"u8.CopyTo(buffer.AsSpan(8));
        position = 11 + 8; // the signature, then flags and the header extension's length, both zero
    }

    /// <summary>The kind of a column of store type <paramref name="storeType"/> ("integer", "character varying(16)"...); null when this writer has no encoding for it.</summary>
    public static Kind? KindOf(string storeType)
    {
        ArgumentNullException.ThrowIfNull(storeType);
        return storeType switch
        {
            "text" => Kind.Text,
            "integer" => Kind.Integer,
            "bigint" => Kind.BigInt,
            "boolean" => Kind.Boolean,
            "date" => Kind.Date,
            "timestamp with time zone" => Kind.TimestampTz,
            _ when storeType.StartsWith("character varying", StringComparison.Ordinal) => Kind.Text,
            _ when storeType.StartsWith("numeric", StringComparison.Ordinal) => Kind.Numeric,
            _ => null,
        };
    }

    /// <summary>Starts <paramref name="copy"/> (a <c>COPY … FROM STDIN (FORMAT BINARY)</c> naming columns of <paramref name="kinds"/>, in order).</summary>
    public static async Task<PostgresBinaryCopy> BeginAsync(NpgsqlConnection connection, string copy, Kind[] kinds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return new PostgresBinaryCopy(await connection.BeginRawBinaryCopyAsync(copy, ct).ConfigureAwait(false), kinds);
    }

    /// <summary>Starts a row: its values follow, one a column, in order.</summary>
    /// <remarks>Rows are written synchronously, value by value (an await a value would cost more than the value); the
    /// buffer goes to the server as it fills.</remarks>
    public void StartRow()
    {
        if (column != 0 && column != kinds.Length)
        {
            throw new InvalidOperationException($"a row of {kinds.Length} columns was given {column}");
        }

        // A row's fixed part fits in what is left of the buffer, or the buffer is sent first: 1 KiB covers every
        // value but a long text, which makes room for itself.
        if (buffer.Length - position < 1024)
        {
            Flush();
        }

        BinaryPrimitives.WriteInt16BigEndian(buffer.AsSpan(position), (short)kinds.Length);
        position += 2;
        column = 0;
    }

    /// <summary>Writes the next column's value (a provider value: null for NULL, else of the CLR type its kind takes).</summary>
    public void Write(object? value)
    {
        var kind = kinds[column++];
        if (value is null)
        {
            Int32(-1);
            return;
        }

        switch (kind)
        {
            case Kind.Text:
                Text((string)value);
                return;
            case Kind.Integer:
                Int32(4);
                Int32((int)value);
                return;
            case Kind.BigInt:
                Int32(8);
                Int64((long)value);
                return;
            case Kind.Boolean:
                Int32(1);
                buffer[position++] = (bool)value ? (byte)1 : (byte)0;
                return;
            case Kind.Date:
                Int32(4);
                Int32(value switch
                {
                    DateOnly d when d == DateOnly.MinValue => int.MinValue,
                    DateOnly d when d == DateOnly.MaxValue => int.MaxValue,
                    DateOnly d => d.DayNumber - EpochDay,
                    _ => throw Unexpected(value, kind),
                });
                return;
            case Kind.TimestampTz:
                var time = value as DateTime? ?? throw Unexpected(value, kind);
                if (time.Kind != DateTimeKind.Utc && time != DateTime.MinValue && time != DateTime.MaxValue)
                {
                    throw new InvalidOperationException($"a timestamp with time zone takes a UTC DateTime, not {time.Kind}");
                }

                Int32(8);
                Int64(time == DateTime.MinValue ? long.MinValue : time == DateTime.MaxValue ? long.MaxValue : (time.Ticks - EpochTicks) / 10);
                return;
            case Kind.Numeric:
                Numeric((decimal)value);
                return;
            default:
                throw Unexpected(value, kind);
        }
    }

    /// <summary>Ends the COPY: the trailer, the last buffer, and PostgreSQL's count of the rows.</summary>
    public async Task CompleteAsync(CancellationToken ct)
    {
        if (buffer.Length - position < 2)
        {
            Flush();
        }

        Int16(-1);
        await stream.WriteAsync(buffer.AsMemory(0, position), ct).ConfigureAwait(false);
        position = 0;
        completed = true;
        await stream.DisposeAsync().ConfigureAwait(false); // sends CopyDone and waits for the server's answer
    }

    /// <summary>A COPY not completed is cancelled, so that no partial row reaches the table (the transaction then fails);
    /// a completed one has already let its stream go.</summary>
    public async ValueTask DisposeAsync()
    {
        if (completed)
        {
            return;
        }

        await stream.CancelAsync().ConfigureAwait(false);
        await stream.DisposeAsync().ConfigureAwait(false);
    }

    private void Text(string text)
    {
        var most = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (buffer.Length - position < 4 + most)
        {
            Flush();
            if (buffer.Length - position < 4 + most)
            {
                // Longer than the buffer: written on its own.
                var bytes = Encoding.UTF8.GetBytes(text);
                Int32(bytes.Length);
                Flush();
                stream.Write(bytes);
                return;
            }
        }

        var length = Encoding.UTF8.GetBytes(text, buffer.AsSpan(position + 4));
        Int32(length);
        position += length;
    }

    /// <summary>
    /// A decimal as PostgreSQL's numeric: the count of base-10000 digits, the weight of the first (its power of
    /// 10000), the sign, the display scale (the decimal's own scale, so 1.50 stays 1.50), then the digits, without
    /// leading or trailing zero digits. Read from the decimal's invariant text, which keeps its scale.
    /// </summary>
    private void Numeric(decimal value)
    {
        var text = Math.Abs(value).ToString(CultureInfo.InvariantCulture);
        var point = text.IndexOf('.', StringComparison.Ordinal);
        var whole = point < 0 ? text : text[..point];
        var fraction = point < 0 ? string.Empty : text[(point + 1)..];
        if (whole == "0")
        {
            whole = string.Empty;
        }

        // Whole digits grouped by four from the point leftwards, fraction digits from the point rightwards.
        var wholeGroups = (whole.Length + 3) / 4;
        var digits = whole.PadLeft(wholeGroups * 4, '0') + fraction.PadRight((fraction.Length + 3) / 4 * 4, '0');
        var groups = new short[digits.Length / 4];
        for (var g = 0; g < groups.Length; g++)
        {
            groups[g] = short.Parse(digits.AsSpan(g * 4, 4), NumberStyles.None, CultureInfo.InvariantCulture);
        }

        var first = Array.FindIndex(groups, d => d != 0);
        var last = Array.FindLastIndex(groups, d => d != 0);
        var count = first < 0 ? 0 : last - first + 1;
        var weight = first < 0 ? 0 : wholeGroups - 1 - first;

        Int32(8 + 2 * count);
        Int16((short)count);
        Int16((short)weight);
        Int16(value < 0 && count > 0 ? (short)0x4000 : (short)0);
        Int16((short)fraction.Length);
        for (var g = 0; g < count; g++)
        {
            Int16(groups[first + g]);
        }
    }

    private void Int16(short value)
    {
        BinaryPrimitives.WriteInt16BigEndian(buffer.AsSpan(position), value);
        position += 2;
    }

    private void Int32(int value)
    {
        BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(position), value);
        position += 4;
    }

    private void Int64(long value)
    {
        BinaryPrimitives.WriteInt64BigEndian(buffer.AsSpan(position), value);
        position += 8;
    }

    private void Flush()
    {
        stream.Write(buffer, 0, position);
        position = 0;
    }

    private static NotSupportedException Unexpected(object value, Kind kind) => new($"a {kind} column was given a {value.GetType().Name}");
}
