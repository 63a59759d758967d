namespace Grapevine.Web;

/// <summary>
/// The response body of a page's form post, which holds back the plain-text 400 Blazor writes in Development ("Cannot
/// submit the form 'x' because no form on the page currently has that name"; in Production it writes no body), so that
/// a page explaining it can be written instead. Anything else passes straight through, so a page still streams.
/// </summary>
internal sealed class RefusedFormBody(HttpResponse response, Stream inner) : Stream
{
    private bool HeldBack { get; set; }

    private bool Hold => HeldBack || (response.StatusCode == StatusCodes.Status400BadRequest && !response.HasStarted);

    public override void Write(byte[] buffer, int offset, int count)
    {
        if (Hold)
            HeldBack = true;
        else
            inner.Write(buffer, offset, count);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (!Hold)
            return inner.WriteAsync(buffer, cancellationToken);
        HeldBack = true;
        return ValueTask.CompletedTask;
    }

    // A flush would send the headers of a 400 that is still to be replaced.
    public override void Flush()
    {
        if (!Hold)
            inner.Flush();
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Hold ? Task.CompletedTask : inner.FlushAsync(cancellationToken);

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
