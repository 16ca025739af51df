using System.IO.Compression;
using System.Net;
using System.Net.Sockets;

namespace Generative.Tests.Foundation;

/// <summary>An HTTP mirror on loopback that serves the real MNIST files gzipped, as the canonical mirrors do.</summary>
sealed class LocalMirror : IDisposable
{
    readonly HttpListener _listener = new();
    readonly Dictionary<string, byte[]> _files = new();
    public string Url { get; }
    public int Requests;

    public LocalMirror(string sourceDirectory)
    {
        foreach (var name in Data.MnistFiles.Sha256.Keys)
        {
            using var ms = new MemoryStream();
            using (var gz = new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true))
                gz.Write(File.ReadAllBytes(Path.Combine(sourceDirectory, name)));
            _files[name + ".gz"] = ms.ToArray();
        }
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _ = Task.Run(Serve);
    }

    async Task Serve()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext ctx;
            try { ctx = await _listener.GetContextAsync(); } catch { return; }
            Interlocked.Increment(ref Requests);
            var name = ctx.Request.Url!.AbsolutePath.TrimStart('/');
            if (_files.TryGetValue(name, out var body))
            {
                ctx.Response.ContentLength64 = body.Length;
                try { await ctx.Response.OutputStream.WriteAsync(body); } catch (HttpListenerException) { }
            }
            else ctx.Response.StatusCode = 404;
            ctx.Response.Close();
        }
    }

    public void Dispose() => _listener.Close();
}
