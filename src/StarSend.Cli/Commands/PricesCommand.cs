using System.CommandLine;
using StarSend.Cli.Output;
using StarSend.Core.Costs;
using StarSend.Core.Errors;
using StarSend.Core.Providers.VideoModels;
using StarSend.Core.Settings;

namespace StarSend.Cli.Commands;

/// <summary><c>starsend prices</c>: the dated price table estimates are computed from (built-in, overridden by starsend.json).</summary>
internal static class PricesCommand
{
    /// <summary>A price table older than this is worth checking again (doctor warns).</summary>
    public const int StaleAfterDays = 60;

    public static Command Create(CommandRunner runner)
    {
        var command = new Command("prices", "Show the price table behind every estimate, and the day it was checked");
        command.SetAction((parseResult, ct) => runner.RunAsync(parseResult, "prices", async (context, token) =>
        {
            var settings = SettingsLoader.Load(context.Paths, context.Host.Environment);
            var checkedOn = CheckedOn(settings);
            var age = AgeDays(checkedOn, context.Time);
            var rows = new List<(string Model, string Unit, decimal Usd, string Source)>();
            foreach (var (model, usd) in SettingsDefaults.VideoPricesPerSecond)
            {
                rows.Add((model, "per second of video", settings.VideoPricesPerSecond.GetValueOrDefault(model, usd), settings.VideoPricesPerSecond.ContainsKey(model) ? "starsend.json" : "built-in"));
            }

            // Leonardo's models are priced by the catalog (providers-2.md §2; a project may override them).
            var table = new PriceTable(settings);
            foreach (var model in VideoModelCatalog.LeonardoIds)
            {
                rows.Add((model, "per second of video", table.VideoPerSecond(model), settings.VideoPricesPerSecond.ContainsKey(model) ? "starsend.json" : VideoModelCatalog.Find(model)?.PriceConfirmed == true ? "built-in" : "built-in (unconfirmed)"));
            }

            foreach (var (model, usd) in settings.VideoPricesPerSecond.Where(p => !SettingsDefaults.VideoPricesPerSecond.ContainsKey(p.Key) && !VideoModelCatalog.LeonardoIds.Contains(p.Key)))
            {
                rows.Add((model, "per second of video", usd, "starsend.json"));
            }

            foreach (var (model, usd) in SettingsDefaults.ImagePrices)
            {
                rows.Add((model, "per image", settings.ImagePrices.GetValueOrDefault(model, usd), settings.ImagePrices.ContainsKey(model) ? "starsend.json" : "built-in"));
            }

            foreach (var (model, usd) in settings.ImagePrices.Where(p => !SettingsDefaults.ImagePrices.ContainsKey(p.Key)))
            {
                rows.Add((model, "per image", usd, "starsend.json"));
            }

            // The structured (vision and text) model of analyze and --feedback, billed by tokens (providers-2.md §3.5).
            rows.Add((settings.AnalysisModel, "per million input tokens", SettingsDefaults.AnalysisInputPerMillion, "built-in"));
            rows.Add((settings.AnalysisModel, "per million output tokens", SettingsDefaults.AnalysisOutputPerMillion, "built-in"));

            if (context.Json)
            {
                await JsonOutput.WriteAsync(context.Out, new { CheckedOn = checkedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), AgeDays = age, Stale = age > StaleAfterDays, Prices = rows.Select(r => new { r.Model, r.Unit, r.Usd, r.Source }) });
                return ExitCodes.Ok;
            }

            await context.Out.WriteAsync(TextTable.Render(["MODEL", "UNIT", "USD", "FROM"], rows.Select(r => (IReadOnlyList<string>)[r.Model, r.Unit, r.Usd.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture), r.Source])));
            await context.Out.WriteLineAsync($"Prices checked on {checkedOn:yyyy-MM-dd} ({age} days ago){(age > StaleAfterDays ? $"; older than {StaleAfterDays} days: check the providers' pricing pages and set prices and prices_checked_on in starsend.json" : string.Empty)}");
            return ExitCodes.Ok;
        }, ct, readOnly: true));
        return command;
    }

    /// <summary>The date of the table in force: the project's <c>prices_checked_on</c>, else the built-in table's.</summary>
    public static DateOnly CheckedOn(ProjectSettings settings) => settings.PricesCheckedOn ?? SettingsDefaults.PricesCheckedOn;

    public static int AgeDays(DateOnly checkedOn, TimeProvider time) =>
        DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).DayNumber - checkedOn.DayNumber;
}
