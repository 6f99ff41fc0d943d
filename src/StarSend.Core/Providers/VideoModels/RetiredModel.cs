namespace StarSend.Core.Providers.VideoModels;

/// <summary>A model its provider no longer serves: refused at validation, before any HTTP call.</summary>
/// <param name="Id">The id as a producer would write it.</param>
/// <param name="RetiredOn">The shutdown date.</param>
/// <param name="Reason">One clause on what happened (and where that is documented).</param>
/// <param name="UseInstead">A model id StarSend serves that does the same job.</param>
public sealed record RetiredModel(string Id, DateOnly RetiredOn, string Reason, string UseInstead)
{
    /// <summary>The one line a producer reads.</summary>
    public string Message =>
        $"video model '{Id}' was retired on {RetiredOn:yyyy-MM-dd} ({Reason}); use '{UseInstead}' instead";
}
