using System.Security.Cryptography;

namespace Workflow.Local.Auth;

/// <summary>
/// The RS256 key the local runtime signs development tokens with, kept in <c>&lt;data dir&gt;/auth/jwt-signing-key.pem</c>
/// so tokens stay valid across restarts and the <c>token</c> command can issue them without the server.
/// </summary>
public sealed class JwtSigningKey : IDisposable
{
    private JwtSigningKey(RSA rsa)
    {
        Rsa = rsa;
        var modulus = rsa.ExportParameters(false).Modulus!;
        KeyId = Convert.ToHexString(SHA256.HashData(modulus))[..16].ToLowerInvariant();
    }

    public RSA Rsa { get; }

    /// <summary>Stable id of the key (the <c>kid</c> header of tokens).</summary>
    public string KeyId { get; }

    public static JwtSigningKey LoadOrCreate(string dataDirectory)
    {
        var folder = Path.Combine(dataDirectory, "auth");
        var file = Path.Combine(folder, "jwt-signing-key.pem");
        var rsa = RSA.Create();
        if (File.Exists(file))
        {
            rsa.ImportFromPem(File.ReadAllText(file));
            return new JwtSigningKey(rsa);
        }

        Directory.CreateDirectory(folder);
        rsa.KeySize = 2048;
        var pem = rsa.ExportPkcs8PrivateKeyPem();
        var temporary = file + "." + Environment.ProcessId + ".tmp";
        File.WriteAllText(temporary, pem);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        try
        {
            // Two processes creating the key at once: the first one wins and both use its key.
            File.Move(temporary, file, overwrite: false);
        }
        catch (IOException) when (File.Exists(file))
        {
            File.Delete(temporary);
            rsa.ImportFromPem(File.ReadAllText(file));
        }

        return new JwtSigningKey(rsa);
    }

    public void Dispose() => Rsa.Dispose();
}
