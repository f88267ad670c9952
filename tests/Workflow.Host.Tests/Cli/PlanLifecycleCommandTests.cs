using System.Text.Json;
using Workflow.Host.Hosting;

namespace Workflow.Host.Tests.Cli;

/// <summary>`workflow plan list|close|reopen|archive` on a database of their own, on today's real clock (after the seed plans ended).</summary>
public sealed class PlanLifecycleCommandTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), $"workflow-plan-cli-{Guid.NewGuid():N}");

    public PlanLifecycleCommandTests() => Directory.CreateDirectory(directory);

    private string Database => "sqlite:" + Path.Combine(directory, "w.db");

    private (int Exit, string Out, string Err) Run(params string[] args) => CliRun.Run([.. args, "--database", Database]);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public void An_ended_seed_plan_is_listed_closed_and_each_refusal_is_one_Vietnamese_line_that_changes_nothing()
    {
        var imported = Run("plan", "import", Path.Combine(CliRun.Workflows, "plans", "chiso-2023.csv"));
        Assert.True(imported.Exit == 0, imported.Err);
        Assert.Contains("2023-2025", Run("plan", "list").Out, StringComparison.Ordinal);

        var list = Run("plan", "list", "--json");
        Assert.Equal(0, list.Exit);
        var plan = JsonDocument.Parse(Assert.Single(list.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries))).RootElement;
        Assert.Equal(["plan", "number", "title", "year", "years", "status", "milestones"], plan.EnumerateObject().Select(p => p.Name));
        Assert.Equal("chiso-2023", plan.GetProperty("plan").GetString());
        Assert.Equal(2023, plan.GetProperty("year").GetInt32());
        Assert.Equal("2023-2025", plan.GetProperty("years").GetString());
        Assert.Equal("closed", plan.GetProperty("status").GetString());
        Assert.True(plan.GetProperty("milestones").GetInt32() > 900);

        foreach (var (args, exit, words) in new[]
        {
            (new[] { "plan", "close", "chiso-2023" }, 1, "đã đóng"),
            (["plan", "close", "khong-co"], 1, "Không có kế hoạch \"khong-co\""),
            (["plan", "close", "Khong Co"], 2, "không phải mã kế hoạch"),
            (["plan", "reopen", "chiso-2023", "--on", "2026-02-30"], 2, "không phải ngày"),
            (["plan", "reopen", "chiso-2023", "--on", "31/12/2099"], 1, "chưa đến"),
        })
        {
            var (code, output, error) = Run(args);
            Assert.True(code == exit, $"{string.Join(' ', args)}: {code} {output}{error}");
            Assert.Equal(string.Empty, output);
            Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains(words, error, StringComparison.Ordinal);
        }

        Assert.Contains("\"status\":\"closed\"", Run("plan", "list", "--json").Out, StringComparison.Ordinal);

        var archived = Run("plan", "archive", "chiso-2023", "--reason", "hết giai đoạn 2021–2025");
        Assert.True(archived.Exit == 0, archived.Err);
        var refused = Run("plan", "reopen", "chiso-2023");
        Assert.Equal(1, refused.Exit);
        Assert.Contains("--from-archive", refused.Err, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"archived\"", Run("plan", "list", "--json").Out, StringComparison.Ordinal);

        var reopened = Run("plan", "reopen", "chiso-2023", "--from-archive", "--reason", "theo dõi tiếp");
        Assert.True(reopened.Exit == 0, reopened.Err);
        Assert.Contains("Đã mở lại kế hoạch chiso-2023", reopened.Out, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"active\"", Run("plan", "list", "--json").Out, StringComparison.Ordinal);
    }

    [Fact]
    public void With_no_active_plan_the_list_says_how_to_import_one()
    {
        Assert.Equal(0, Run("plan", "import", Path.Combine(CliRun.Workflows, "plans", "cchc-2019.csv")).Exit);

        var (exit, output, _) = Run("plan", "list");

        Assert.Equal(0, exit);
        Assert.Contains("không kế hoạch nào đang theo dõi", output, StringComparison.Ordinal);
        Assert.Contains("workflow plan import", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://cchc.cantho.gov.vn", "https://cchc.cantho.gov.vn/")]
    [InlineData("https://cantho.gov.vn/cchc", "https://cantho.gov.vn/cchc/")]
    [InlineData("http://10.0.0.5:8080/", "http://10.0.0.5:8080/")]
    public void The_public_url_starts_every_link(string given, string expected)
    {
        Assert.Equal(new Uri(expected), DeliverySetup.PublicUrl(given));
        var setup = DeliverySetup.Create("127.0.0.1:25", Path.Combine(CliRun.Workflows, "templates"), Path.Combine(directory, "emails"), given);
        Assert.Null(setup.PublicUrlWarning);
        Assert.StartsWith(expected, setup.Links!.For("so-noi-vu", NodaTime.SystemClock.Instance.GetCurrentInstant()).AbsoluteUri, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cchc.cantho.gov.vn")]
    [InlineData("ftp://cantho.gov.vn")]
    [InlineData("https://cantho.gov.vn/?a=1")]
    public void A_public_url_that_is_no_web_address_is_refused(string given)
    {
        var e = Assert.Throws<FormatException>(() => DeliverySetup.PublicUrl(given));
        Assert.Contains("--public-url", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Smtp_without_a_public_url_refuses_to_start_and_pickup_mode_warns()
    {
        if (Environment.GetEnvironmentVariable(DeliverySetup.PublicUrlVariable) is { Length: > 0 } || Environment.GetEnvironmentVariable(DeliverySetup.LegacyPublicUrlVariable) is { Length: > 0 })
        {
            return; // this process was given a public address: the rule cannot be seen here
        }

        var emails = Path.Combine(directory, "emails");
        var refused = Assert.Throws<FormatException>(() => DeliverySetup.Create("127.0.0.1:25", Path.Combine(CliRun.Workflows, "templates"), emails));
        Assert.Contains("--public-url", refused.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(directory, "link.key")), "a refused start writes nothing");

        var pickup = DeliverySetup.Create(null, Path.Combine(CliRun.Workflows, "templates"), Path.Combine(directory, "emails"), null, new Uri("http://127.0.0.1:5000/"));
        Assert.Contains("http://127.0.0.1:5000/", pickup.PublicUrlWarning, StringComparison.Ordinal);
    }
}
