namespace Workflow.Host.Tests.Web;

/// <summary>A read-only stream of <paramref name="length"/> bytes of CSV-looking filler, made as it is read (nothing held in memory).</summary>
internal sealed class FillerStream(long length) : Stream
{
    private static readonly byte[] Line = System.Text.Encoding.UTF8.GetBytes("1,Nhiệm vụ lặp lại,Sở Nội vụ,Quý I/2025\n");

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position { get; set; }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = (int)Math.Min(count, length - Position);
        for (var i = 0; i < n; i++)
        {
            buffer[offset + i] = Line[(int)((Position + i) % Line.Length)];
        }

        Position += n;
        return n;
    }

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => Position + offset,
        _ => length + offset,
    };

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
