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

    /// <summary>Any text, kept as written (Elsa's WriteLine text, an email's subject and body).</summary>
    FreeText,

    /// <summary>A list of names or addresses: a string separated by ',' or ';', or a JSON array of strings.</summary>
    TextList,

    /// <summary>Any JSON value (Elsa's SetVariable value): a literal is stored as written.</summary>
    Value,

    /// <summary>The variable an Elsa SetVariable sets: its name, or Elsa's variable object with a "name".</summary>
    Variable,

    /// <summary>A nested flowchart (Elsa's FlowNode body).</summary>
    Body,
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

    /// <summary>True when the input may be written as a JavaScript or Liquid <see cref="Expression"/>, evaluated when
    /// the activity runs; otherwise only a literal value is accepted.</summary>
    public bool AcceptsExpression { get; init; }
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

    /// <summary>True when the ports are the activity's own (Elsa's FlowFork: its branch names), not <see cref="OutPorts"/>.</summary>
    public bool DynamicPorts { get; init; }
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
    private const string ElsaFlow = "Luồng (Elsa)";
    private const string ElsaData = "Biến và ghi chép (Elsa)";
    private const string ElsaEvents = "Sự kiện (Elsa)";

    private static readonly IReadOnlyList<string> Done = ["Done"];

    private static readonly IReadOnlyList<ActivitySpec> Specs = BuildSpecs();

    private static readonly Dictionary<string, ActivitySpec> ByType = Specs
        .SelectMany(s => s.Descriptor.AlsoReads.Prepend(s.Descriptor.Type).Select(t => (t, s)))
        .ToDictionary(p => p.t, p => p.s, StringComparer.Ordinal);

    /// <summary>The activity types, in palette order.</summary>
    public static IReadOnlyList<ActivityDescriptor> All { get; } = [.. Specs.Select(s => s.Descriptor)];

    /// <summary>Every supported type string, comma-separated, for messages that list what is supported.</summary>
    public static string SupportedTypes => string.Join(", ", All.Select(a => a.Type));

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
                    "Hoạt động StartAt của Elsa: chờ tới một thời điểm (giờ Việt Nam); thời điểm đã qua thì đi tiếp ngay.",
                    [
                        new("dateTime", InputKind.DateTime, true, null, [], "Thời điểm")
                        {
                            Help = "Dạng yyyy-MM-ddTHH:mm hoặc yyyy-MM-ddTHH:mm:ss, giờ Việt Nam; có thể ghi múi giờ (Z, +07:00) để đổi sang giờ Việt Nam. "
                                + "Hoặc một biểu thức JavaScript trả về Date hay chuỗi ISO-8601, ví dụ: new Date(getInput('Effective') + 'T08:00:00+07:00').",
                            AcceptsExpression = true,
                        },
                    ], Done, true),
                (id, _, v) => new StartAt(id, v["dateTime"]!)),

            new(new(Cron.TypeName, "Lặp theo lịch cron", Waiting,
                    "Hoạt động Cron của Elsa: chờ tới lần kế tiếp của biểu thức cron (giờ Việt Nam) rồi đi tiếp; nối vòng về để lặp lại. Không dày hơn mỗi giờ một lần.",
                    [
                        new("cronExpression", InputKind.Text, true, null, [], "Biểu thức cron")
                        {
                            Help = "5 trường (phút giờ ngày tháng thứ), hoặc 6 trường có giây ở đầu như Elsa; ví dụ \"0 8 * * 1\" là 8 giờ sáng thứ Hai.",
                        },
                    ], Done, true),
                (id, _, v) => new Cron(id, (string)v["cronExpression"]!)),

            new(new(ElsaEvent.TypeName, "Chờ sự kiện", Waiting,
                    "Hoạt động Event của Elsa: dừng cho tới khi sự kiện xảy ra với mốc này: Report (cơ quan báo cáo hoàn thành), Event (điều phối viên ghi nhận sự kiện), Extension (gia hạn được duyệt), hoặc tên do PublishEvent của quy trình phát ra.",
                    [
                        new("eventName", InputKind.Text, true, null, [], "Tên sự kiện")
                        {
                            Help = "Report, Event, Extension, hoặc một tên tự đặt mà hoạt động PublishEvent phát ra.",
                        },
                    ], Done, true),
                (id, _, v) => new ElsaEvent(id, (string)v["eventName"]!)),

            new(new(PublishEvent.TypeName, "Phát sự kiện", ElsaEvents,
                    "Hoạt động PublishEvent của Elsa: đánh thức các hoạt động Event đang chờ sự kiện cùng tên trong quy trình của mốc này.",
                    [
                        new("eventName", InputKind.Text, true, null, [], "Tên sự kiện") { Help = "Tên sự kiện, ví dụ \"DaNhac\"." },
                    ], Done, false),
                (id, _, v) => new PublishEvent(id, (string)v["eventName"]!)),

            new(new(Start.TypeName, "Bắt đầu (Elsa)", Flow,
                    "Hoạt động Start của Elsa: điểm bắt đầu của sơ đồ; dùng thay cho \"Bắt đầu theo mốc hạn\" (không dùng cả hai).",
                    [], Done, false),
                (id, _, _) => new Start(id)),

            new(new(FlowDecision.TypeName, "Rẽ nhánh theo điều kiện", Deciding,
                    "Hoạt động FlowDecision của Elsa: tính điều kiện rồi đi theo cổng True hoặc False.",
                    [
                        new("condition", InputKind.Boolean, true, null, [], "Điều kiện")
                        {
                            Help = "true/false, hoặc biểu thức JavaScript, ví dụ getInput('Done') hay getInput('DaysOverdue') > 3.",
                            AcceptsExpression = true,
                        },
                    ], [MilestoneDecision.TruePort, MilestoneDecision.FalsePort], false),
                (id, _, v) => new FlowDecision(id, v["condition"]!)),

            new(new(ElsaIf.TypeName, "Nếu", Deciding,
                    "Hoạt động If của Elsa trong sơ đồ: tính điều kiện, đi theo cổng True hoặc False, rồi theo cổng Done.",
                    [
                        new("condition", InputKind.Boolean, true, null, [], "Điều kiện")
                        {
                            Help = "true/false, hoặc biểu thức JavaScript.",
                            AcceptsExpression = true,
                        },
                    ], [MilestoneDecision.TruePort, MilestoneDecision.FalsePort, "Done"], false),
                (id, _, v) => new ElsaIf(id, v["condition"]!)),

            new(new(FlowFork.TypeName, "Tách nhánh song song", ElsaFlow,
                    "Hoạt động FlowFork của Elsa: đi tiếp đồng thời trên mọi nhánh đã đặt tên.",
                    [
                        new("branches", InputKind.TextList, true, null, [], "Các nhánh")
                        {
                            Help = "Tên các nhánh (cũng là tên cổng ra), cách nhau bởi dấu phẩy, ví dụ \"A, B\".",
                        },
                    ], [], false)
                {
                    DynamicPorts = true,
                },
                (id, _, v) => new FlowFork(id, (string)v["branches"]!)),

            new(new(FlowJoin.TypeName, "Gộp nhánh", ElsaFlow,
                    "Hoạt động FlowJoin của Elsa: gộp các nhánh; WaitAny đi tiếp khi nhánh đầu tiên tới, WaitAll khi mọi kết nối vào đã tới.",
                    [Choice<FlowJoinMode>("mode", false, nameof(FlowJoinMode.WaitAny), "Cách gộp", "WaitAny: nhánh đầu tiên tới thì đi tiếp; WaitAll: chờ mọi nhánh.")],
                    Done, false),
                (id, _, v) => new FlowJoin(id, (FlowJoinMode?)v["mode"] ?? FlowJoinMode.WaitAny)),

            new(new(FlowNode.TypeName, "Khối chứa", ElsaFlow,
                    "Hoạt động FlowNode của Elsa: chạy sơ đồ con bên trong, xong thì đi tiếp theo cổng Done.",
                    [new("body", InputKind.Body, false, null, [], "Sơ đồ con") { Help = "Một sơ đồ Elsa.Flowchart lồng bên trong." }],
                    Done, false),
                (id, _, v) => new FlowNode(id, (Flowchart?)v["body"])),

            new(new(SetVariable.TypeName, "Gán biến", ElsaData,
                    "Hoạt động SetVariable của Elsa: gán giá trị cho một biến của quy trình (đọc bằng getVariable('Tên') hay variables.Tên).",
                    [
                        new("variable", InputKind.Variable, true, null, [], "Biến") { Help = "Tên biến, hoặc đối tượng biến của Elsa có \"name\"." },
                        new("value", InputKind.Value, false, null, [], "Giá trị")
                        {
                            Help = "Giá trị cố định, hoặc biểu thức JavaScript / Liquid.",
                            AcceptsExpression = true,
                        },
                    ], Done, false),
                (id, _, v) => new SetVariable(id, (string)v["variable"]!, v["value"])),

            new(new(WriteLine.TypeName, "Ghi vào lịch sử", ElsaData,
                    "Hoạt động WriteLine của Elsa: ghi một dòng vào lịch sử của mốc.",
                    [
                        new("text", InputKind.FreeText, false, null, [], "Nội dung")
                        {
                            Help = "Chữ cố định, hoặc biểu thức Liquid ({{ Input.Title }}) hay JavaScript.",
                            AcceptsExpression = true,
                        },
                    ], Done, false),
                (id, _, v) => new WriteLine(id, v["text"])),

            new(new(SendEmail.TypeName, "Gửi thư (Elsa)", Sending,
                    "Hoạt động SendEmail của Elsa: gửi một thư qua hộp thư đi (gửi lại khi lỗi, không gửi trùng).",
                    [
                        new("from", InputKind.FreeText, false, null, [], "Người gửi") { Help = "Bỏ trống là địa chỉ gửi của hệ thống.", AcceptsExpression = true },
                        new("to", InputKind.TextList, true, null, [], "Gửi tới")
                        {
                            Help = "Mã cơ quan (tra danh bạ vào ngày gửi) hoặc địa chỉ thư, cách nhau bởi dấu phẩy; hoặc biểu thức, ví dụ getInput('Lead').",
                            AcceptsExpression = true,
                        },
                        new("cc", InputKind.TextList, false, null, [], "Đồng gửi") { Help = "Như \"Gửi tới\".", AcceptsExpression = true },
                        new("subject", InputKind.FreeText, false, null, [], "Tiêu đề") { Help = "Chữ, Liquid hoặc JavaScript.", AcceptsExpression = true },
                        new("body", InputKind.FreeText, false, null, [], "Nội dung")
                        {
                            Help = "Chữ, Liquid hoặc JavaScript; được thoát HTML trừ khi nội dung là HTML (bắt đầu bằng một thẻ).",
                            AcceptsExpression = true,
                        },
                    ], Done, false),
                (id, _, v) => new SendEmail(id, v["from"], v["to"]!, v["cc"], v["subject"], v["body"])),

            new(new(End.TypeName, "Kết thúc", Flow, "Kết thúc quy trình của mốc hạn (các nhánh khác cũng dừng).", [], [], false)
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
