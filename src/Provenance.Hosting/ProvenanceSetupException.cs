namespace Provenance.Hosting;

/// <summary>The checker could not be built: a rules folder, rule pack or scoring file is missing or invalid. The message names the file and the problem.</summary>
public sealed class ProvenanceSetupException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ProvenanceSetupException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public ProvenanceSetupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
