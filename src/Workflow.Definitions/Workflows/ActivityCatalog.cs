using NodaTime;
using Workflow.Definitions.Agencies;

namespace Workflow.Definitions.Workflows;

/// <summary>The kind of value an activity input takes, which decides how it is read and edited.</summary>
public enum InputKind
{
    /// <summary>A whole number, within <see cref="InputDescriptor.Minimum"/>..<see cref="InputDescriptor.Maximum"/>.</summary>
    Number,

    /// <summary>true or false.</summary>
    Boolean,

    /// <summary>Non-empty text.</summary>
    Text,

    /// <summary>One of <see cref="InputDescriptor.AllowedValues"/> (case-insensitive when read).</summary>
    Choice,

    /// <summary>A time of day "HH:mm" (or "HH:mm:ss"), Asia/Ho_Chi_Minh.</summary>
    TimeOfDay,

    /// <summary>An agency id of workflows/agencies.yaml ("so-noi-vu").</summary>
    Agency,

    /// <summary>A positive duration "d.hh:mm:ss" or "hh:mm:ss", as Elsa writes a TimeSpan.</summary>
    Duration,

    /// <summary>A moment "yyyy-MM-ddTHH:mm[:ss]", Asia/Ho_Chi_Minh implied, or with an offset ("Z", "+07:00").</summary>
    DateTime,
}

/// <summary>One input of an activity type, for the designer's property panel and for reading files.</summary>
/// <param name="Name">The camelCase JSON name ("offset").</param>
/// <param name="Kind">How the value is written.</param>
/// <param name="Required">A definition without it does not load.</param>
/// <param name="Default">The value an absent optional input takes, as written in JSON; null when there is none or it depends on other inputs (<see cref="Help"/> says).</param>
/// <param name="AllowedValues">For <see cref="InputKind.Choice"/>, the values; empty otherwise.</param>
/// <param name="Label">The Vietnamese label shown to coordinators.</param>
public sealed record InputDescriptor(string Name, InputKind Kind, bool Required, string? Default, IReadOnlyList<string> AllowedValues, string Label)
{
    /// <summary>A Vietnamese sentence explaining the input.</summary>
    public string Help { get; init; } = string.Empty;

    /// <summary>The smallest accepted <see cref="InputKind.Number"/>.</summary>
    public int? Minimum { get; init; }

    /// <summary>The largest accepted <see cref="InputKind.Number"/>.</summary>
    public int? Maximum { get; init; }

    /// <summary>For <see cref="InputKind.Choice"/>: the enum the values name.</summary>
    internal Type? EnumType { get; init; }
}

/// <summary>An activity type: what the designer's palette shows and what a definition file may use.</summary>
/// <param name="Type">The type string of the JSON ("Cchc.SendReminder").</param>
/// <param name="DisplayName">The Vietnamese name.</param>
/// <param name="Category">The Vietnamese palette group.</param>
/// <param name="Description">What it does, in Vietnamese.</param>
/// <param name="Inputs">Its inputs in display order.</param>
/// <param name="OutPorts">The ports connections may leave from (none for an end).</param>
/// <param name="IsWait">True when it suspends the workflow (see <see cref="WaitActivities"/>).</param>
public sealed record ActivityDescriptor(string Type, string DisplayName, string Category, string Description,
    IReadOnlyList<InputDescriptor> Inputs, IReadOnlyList<string> OutPorts, bool IsWait)
{
    /// <summary>Other type strings read as this type ("Elsa.Finish" for "Elsa.End").</summary>
    public IReadOnlyList<string> AlsoReads { get; init; } = [];
}

/// <summary>
/// Every activity type a workflow definition may use: the single source of the designer's palette and
/// property panel, of the reader's input checks and of workflows/definitions/README.md.
/// </summary>
public static class ActivityCatalog
{
    /// <summary>The time reminders and notices go out when a definition does not say: 08:00.</summary>
    public static readonly LocalTime DefaultTimeOfDay = new(8, 0);

    private const string Flow = "Bắt đầu và kết thúc";
    private const string Waiting = "Chờ";
    private const string Deciding = "Rẽ nhánh";
    private const string Sending = "Gửi thư";

    private static readonly IReadOnlyList<string> Done = ["Done"];

    private static readonly IReadOnlyList<ActivitySpec> Specs = BuildSpecs();

    private static readonly Dictionary<string, ActivitySpec> ByType = Specs
        .SelectMany(s => s.Descriptor.AlsoReads.Prepend(s.Descriptor.Type).Select(t => (t, s)))
        .ToDictionary(p => p.t, p => p.s, StringComparer.Ordinal);

    /// <summary>The activity types, in palette order.</summary>
    public static IReadOnlyList<ActivityDescriptor> All { get; } = [.. Specs.Select(s => s.Descriptor)];

    /// <summary>The type written exactly so (type strings are case-sensitive, as in Elsa), or null.</summary>
    public static ActivityDescriptor? Find(string type) => Spec(type)?.Descriptor;

    internal static ActivitySpec? Spec(string type) => ByType.GetValueOrDefault(type);

    /// <summary>The known type spelled like <paramref name="type"/> but for case, for "did you mean".</summary>
    internal static string? CaseInsensitiveMatch(string type) =>
        ByType.Keys.FirstOrDefault(k => string.Equals(k, type, StringComparison.OrdinalIgnoreCase));

    private static InputDescriptor Choice<TEnum>(string name, bool required, string? @default, string label, string help, params TEnum[] values)
        where TEnum : struct, Enum =>
        new(name, InputKind.Choice, required, @default, [.. (values.Length > 0 ? values : Enum.GetValues<TEnum>()).Select(v => v.ToString())], label)
        {
            Help = help,
            EnumType = typeof(TEnum),
        };

    private static InputDescriptor TimeOfDay(string help) =>
        new("timeOfDay", InputKind.TimeOfDay, false, "08:00", [], "Giờ") { Help = help };

    private static InputDescriptor CopyCoordinators() =>
        new("copyCoordinators", InputKind.Boolean, false, "false", [], "Gửi kèm cơ quan phối hợp")
        {
            Help = "true: gửi bản sao cho các cơ quan phối hợp của nhiệm vụ; mặc định chỉ gửi cơ quan chủ trì.",
        };

    private static InputDescriptor Template(string @default) =>
        new("template", InputKind.Text, false, @default, [], "Mẫu thư")
        {
            Help = $"Tên mẫu thư dùng để soạn nội dung; mặc định \"{@default}\".",
        };

    private static IReadOnlyList<ActivitySpec> BuildSpecs()
    {
        var ifDayOffBefore = "Keep: giữ nguyên; PreviousWorkingDay: lùi về ngày làm việc trước đó; NextWorkingDay: dời tới ngày làm việc sau đó.";
        return
        [
            new(new(MilestoneStart.TypeName, "Bắt đầu theo mốc hạn", Flow,
                    "Điểm bắt đầu của quy trình: mỗi mốc hạn của một nhiệm vụ chạy một phiên bản quy trình từ đây. Mỗi quy trình có đúng một.",
                    [], Done, false),
                (id, _, _) => new MilestoneStart(id)),

            new(new(WaitForMoment.TypeName, "Chờ đến ngày so với hạn", Waiting,
                    "Chờ tới một thời điểm tính từ hạn hiệu lực của mốc: N ngày (hoặc N ngày làm việc) trước hay sau hạn, vào giờ đã chọn.",
                    [
                        new("offset", InputKind.Number, true, null, [], "Số ngày")
                        {
                            Help = "Số ngày trước hoặc sau hạn (0 là chính ngày hạn).",
                            Minimum = 0,
                            Maximum = WaitForMoment.MaxOffset,
                        },
                        Choice<DayUnit>("unit", false, nameof(DayUnit.CalendarDays), "Cách đếm ngày",
                            "CalendarDays: đếm mọi ngày; WorkingDays: chỉ đếm ngày làm việc (bỏ cuối tuần, ngày lễ, ngày nghỉ bù)."),
                        Choice<Relation>("relation", true, null, "Trước hay sau hạn", "Before: trước hạn; After: sau hạn."),
                        TimeOfDay("Giờ trong ngày, giờ Việt Nam; mặc định 08:00."),
                        Choice<DayOffShift>("ifDayOff", false, null, "Nếu rơi vào ngày nghỉ",
                            ifDayOffBefore + " Chỉ áp dụng khi đếm theo ngày lịch. Mặc định: trước hạn thì lùi (PreviousWorkingDay), sau hạn thì dời (NextWorkingDay)."),
                    ], Done, true),
                (id, _, v) =>
                {
                    var relation = (Relation)v["relation"]!;
                    return new WaitForMoment(id, (int)v["offset"]!, (DayUnit?)v["unit"] ?? DayUnit.CalendarDays, relation,
                        (LocalTime?)v["timeOfDay"] ?? DefaultTimeOfDay, (DayOffShift?)v["ifDayOff"] ?? WaitForMoment.DefaultShift(relation));
                }),

            new(new(WaitForWeekday.TypeName, "Chờ đến thứ trong tuần", Waiting,
                    "Chờ tới thứ đã chọn của tuần sau (sau ngày hôm nay), vào giờ đã chọn; dùng cho việc nhắc lặp lại hằng tuần.",
                    [
                        Choice<IsoDayOfWeek>("weekday", true, null, "Thứ", "Monday (thứ Hai) … Sunday (Chủ nhật).",
                            IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday,
                            IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday),
                        TimeOfDay("Giờ trong ngày, giờ Việt Nam; mặc định 08:00."),
                        Choice<DayOffShift>("ifDayOff", false, nameof(DayOffShift.NextWorkingDay), "Nếu rơi vào ngày nghỉ",
                            ifDayOffBefore + " Mặc định NextWorkingDay."),
                    ], Done, true),
                (id, _, v) => new WaitForWeekday(id, (IsoDayOfWeek)v["weekday"]!, (LocalTime?)v["timeOfDay"] ?? DefaultTimeOfDay,
                    (DayOffShift?)v["ifDayOff"] ?? DayOffShift.NextWorkingDay)),

            new(new(MilestoneDecision.TypeName, "Kiểm tra trạng thái mốc", Deciding,
                    "Kiểm tra trạng thái của mốc hạn rồi đi theo cổng True (đúng) hoặc False (sai).",
                    [
                        Choice<MilestoneCondition>("condition", true, null, "Điều kiện",
                            "Open: chưa hoàn thành; Done: đã báo cáo hoàn thành; Extended: đã được gia hạn; Overdue: quá hạn mà chưa hoàn thành; Dormant: đang chờ sự kiện."),
                    ], [MilestoneDecision.TruePort, MilestoneDecision.FalsePort], false),
                (id, _, v) => new MilestoneDecision(id, (MilestoneCondition)v["condition"]!)),

            new(new(SendReminder.TypeName, "Gửi thư nhắc", Sending,
                    "Gửi thư nhắc hạn cho cơ quan chủ trì (và cơ quan phối hợp nếu chọn).",
                    [CopyCoordinators(), Template(SendReminder.DefaultTemplate)], Done, false),
                (id, _, v) => new SendReminder(id, (bool?)v["copyCoordinators"] ?? false, (string?)v["template"] ?? SendReminder.DefaultTemplate)),

            new(new(SendOverdueNotice.TypeName, "Gửi thông báo quá hạn", Sending,
                    "Gửi thông báo quá hạn cho cơ quan chủ trì (và cơ quan phối hợp nếu chọn).",
                    [CopyCoordinators(), Template(SendOverdueNotice.DefaultTemplate)], Done, false),
                (id, _, v) => new SendOverdueNotice(id, (bool?)v["copyCoordinators"] ?? false, (string?)v["template"] ?? SendOverdueNotice.DefaultTemplate)),

            new(new(Escalate.TypeName, "Báo cáo Sở Nội vụ", Sending,
                    "Báo việc chậm trễ lên cơ quan theo dõi (mặc định Sở Nội vụ), kèm cơ quan chủ trì.",
                    [
                        new("to", InputKind.Agency, false, null, [], "Gửi tới cơ quan")
                        {
                            Help = "Mã cơ quan trong agencies.yaml; bỏ trống là cơ quan theo dõi của lịch báo cáo (Sở Nội vụ).",
                        },
                        Template(Escalate.DefaultTemplate),
                    ], Done, false),
                (id, _, v) => new Escalate(id, (AgencyId?)v["to"], (string?)v["template"] ?? Escalate.DefaultTemplate)),

            new(new(WaitForSignal.TypeName, "Chờ báo cáo hoặc sự kiện", Waiting,
                    "Dừng lại cho tới khi có tín hiệu: cơ quan báo cáo, điều phối viên ghi nhận sự kiện, hoặc gia hạn được duyệt.",
                    [
                        Choice<SignalKind>("signal", true, null, "Tín hiệu",
                            "Report: cơ quan báo cáo hoàn thành; Event: điều phối viên ghi ngày xảy ra sự kiện; Extension: gia hạn được duyệt."),
                    ], Done, true),
                (id, _, v) => new WaitForSignal(id, (SignalKind)v["signal"]!)),

            new(new(Delay.TypeName, "Chờ một khoảng thời gian", Waiting,
                    "Hoạt động Delay của Elsa: chờ một khoảng thời gian kể từ lúc tới bước này.",
                    [
                        new("timeSpan", InputKind.Duration, true, null, [], "Thời gian chờ")
                        {
                            Help = "Dạng ngày.giờ:phút:giây hoặc giờ:phút:giây, ví dụ 2.00:00:00 là 2 ngày.",
                        },
                    ], Done, true),
                (id, _, v) => new Delay(id, (Duration)v["timeSpan"]!)),

            new(new(Timer.TypeName, "Hẹn giờ lặp lại", Waiting,
                    "Hoạt động Timer của Elsa: chờ một chu kỳ rồi đi tiếp; nối vòng về để lặp lại.",
                    [
                        new("interval", InputKind.Duration, true, null, [], "Chu kỳ")
                        {
                            Help = "Dạng ngày.giờ:phút:giây hoặc giờ:phút:giây, ví dụ 7.00:00:00 là một tuần.",
                        },
                    ], Done, true),
                (id, _, v) => new Timer(id, (Duration)v["interval"]!)),

            new(new(StartAt.TypeName, "Chờ đến thời điểm", Waiting,
                    "Hoạt động StartAt của Elsa: chờ tới một thời điểm cố định (giờ Việt Nam); thời điểm đã qua thì đi tiếp ngay.",
                    [
                        new("dateTime", InputKind.DateTime, true, null, [], "Thời điểm")
                        {
                            Help = "Dạng yyyy-MM-ddTHH:mm hoặc yyyy-MM-ddTHH:mm:ss, giờ Việt Nam; có thể ghi múi giờ (Z, +07:00) để đổi sang giờ Việt Nam.",
                        },
                    ], Done, true),
                (id, _, v) => new StartAt(id, (LocalDateTime)v["dateTime"]!)),

            new(new(End.TypeName, "Kết thúc", Flow, "Kết thúc quy trình của mốc hạn.", [], [], false)
                {
                    AlsoReads = [End.FinishTypeName],
                },
                (id, type, _) => new End(id) { WrittenAsFinish = type == End.FinishTypeName }),
        ];
    }
}

/// <summary>An activity type with the factory that builds its record from read inputs (name → typed
/// value, null when an optional input is absent).</summary>
internal sealed record ActivitySpec(ActivityDescriptor Descriptor, Func<string, string, IReadOnlyDictionary<string, object?>, Activity> Create);
