using NodaTime;

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

    /// <summary>For <see cref="InputKind.Choice"/>: the Vietnamese name of each value, for the designer.</summary>
    public IReadOnlyDictionary<string, string> ValueLabels { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>When the input names an email template of workflows/templates: which kind of email it writes (publishing
    /// refuses a name that is not such a template, listing those there are).</summary>
    public TemplateUse? Template { get; init; }
}

/// <summary>The kind of email a template named by an activity's <c>template</c> input writes, which decides the fields it may use.</summary>
public enum TemplateUse
{
    /// <summary>An agency's daily digest of reminders and overdue notices (digest.txt/.html and templates with its fields).</summary>
    Digest,

    /// <summary>The follow-up agency's report of late milestones (escalation.txt/.html and templates with its fields).</summary>
    Escalation,
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

    /// <summary>The line the designer shows under the activity's name: Vietnamese text where <c>{input}</c> stands for the
    /// input's value (a choice's label) and <c>{input|text}</c> gives the text when the input is empty; null shows the name.</summary>
    public string? Summary { get; init; }
}

/// <summary>
/// Every activity type a workflow definition may use: the single source of the designer's palette and
/// property panel, of the reader's input checks and of workflows/definitions/README.md.
/// </summary>
public static class ActivityCatalog
{
    /// <summary>The time reminders and notices go out when a definition does not say: 08:00.</summary>
    public static readonly LocalTime DefaultTimeOfDay = new(8, 0);

    private const string Flow = ActivityInputs.FlowCategory;
    private const string Waiting = ActivityInputs.WaitingCategory;
    private const string Deciding = ActivityInputs.DecidingCategory;
    private const string Sending = ActivityInputs.SendingCategory;
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

    private static IReadOnlyList<ActivitySpec> BuildSpecs()
    {
        // Ours first (the Cchc module registers them), then Elsa's.
        return
        [
            .. CchcModule.Specs,
            new(new(Delay.TypeName, "Chờ một khoảng thời gian", Waiting,
                    "Hoạt động Delay của Elsa: chờ một khoảng thời gian kể từ lúc tới bước này.",
                    [
                        new("timeSpan", InputKind.Duration, true, null, [], "Thời gian chờ")
                        {
                            Help = "Dạng ngày.giờ:phút:giây hoặc giờ:phút:giây, ví dụ 2.00:00:00 là 2 ngày.",
                        },
                    ], Done, true)
                {
                    Summary = "Chờ {timeSpan}",
                },
                (id, _, v) => new Delay(id, (Duration)v["timeSpan"]!)),

            new(new(Timer.TypeName, "Hẹn giờ lặp lại", Waiting,
                    "Hoạt động Timer của Elsa: chờ một chu kỳ rồi đi tiếp; nối vòng về để lặp lại. Đặt làm điểm bắt đầu của sơ đồ thì là bộ kích hoạt lặp lại: mỗi chu kỳ (không dày hơn mỗi giờ một lần) chạy sơ đồ từ đây, cho tới khi mốc hoàn thành.",
                    [
                        new("interval", InputKind.Duration, true, null, [], "Chu kỳ")
                        {
                            Help = "Dạng ngày.giờ:phút:giây hoặc giờ:phút:giây, ví dụ 7.00:00:00 là một tuần.",
                        },
                    ], Done, true)
                {
                    Summary = "Mỗi {interval}",
                },
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
                    ], Done, true)
                {
                    Summary = "{dateTime}",
                },
                (id, _, v) => new StartAt(id, v["dateTime"]!)),

            new(new(Cron.TypeName, "Lặp theo lịch cron", Waiting,
                    "Hoạt động Cron của Elsa: chờ tới lần kế tiếp của biểu thức cron (giờ Việt Nam) rồi đi tiếp; nối vòng về để lặp lại. Không dày hơn mỗi giờ một lần. Đặt làm điểm bắt đầu của sơ đồ thì mỗi lần tới lịch chạy sơ đồ từ đây, cho tới khi mốc hoàn thành.",
                    [
                        new("cronExpression", InputKind.Text, true, null, [], "Biểu thức cron")
                        {
                            Help = "5 trường (phút giờ ngày tháng thứ), hoặc 6 trường có giây ở đầu như Elsa; ví dụ \"0 8 * * 1\" là 8 giờ sáng thứ Hai.",
                        },
                    ], Done, true)
                {
                    Summary = "{cronExpression}",
                },
                (id, _, v) => new Cron(id, (string)v["cronExpression"]!)),

            new(new(ElsaEvent.TypeName, "Chờ sự kiện", Waiting,
                    "Hoạt động Event của Elsa: dừng cho tới khi sự kiện xảy ra với mốc này: Report (cơ quan báo cáo hoàn thành), Event (điều phối viên ghi nhận sự kiện), Extension (gia hạn được duyệt), hoặc tên do PublishEvent của quy trình phát ra.",
                    [
                        new("eventName", InputKind.Text, true, null, [], "Tên sự kiện")
                        {
                            Help = "Report, Event, Extension, hoặc một tên tự đặt mà hoạt động PublishEvent phát ra.",
                        },
                    ], Done, true)
                {
                    Summary = "Sự kiện: {eventName}",
                },
                (id, _, v) => new ElsaEvent(id, (string)v["eventName"]!)),

            new(new(PublishEvent.TypeName, "Phát sự kiện", ElsaEvents,
                    "Hoạt động PublishEvent của Elsa: đánh thức các hoạt động Event đang chờ sự kiện cùng tên trong quy trình của mốc này.",
                    [
                        new("eventName", InputKind.Text, true, null, [], "Tên sự kiện") { Help = "Tên sự kiện, ví dụ \"DaNhac\"." },
                    ], Done, false)
                {
                    Summary = "Phát: {eventName}",
                },
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
                    "Hoạt động FlowJoin của Elsa: gộp các nhánh; WaitAny đi tiếp khi nhánh đầu tiên tới (các nhánh còn lại dừng), WaitAll khi mọi kết nối vào đã tới; nếu một nhánh không thể tới nữa (điều kiện rẽ sang nhánh khác) thì bỏ qua, các bước sau không chạy.",
                    [
                        ActivityInputs.Choice("mode", false, nameof(FlowJoinMode.WaitAny), "Cách gộp", "WaitAny: nhánh đầu tiên tới thì đi tiếp; WaitAll: chờ mọi nhánh.",
                            (FlowJoinMode.WaitAny, "Nhánh đầu tiên tới thì đi tiếp"), (FlowJoinMode.WaitAll, "Chờ mọi nhánh tới")),
                    ],
                    Done, false)
                {
                    Summary = "{mode}",
                },
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
                    ], Done, false)
                {
                    Summary = "{text|(trống)}",
                },
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
                    ], Done, false)
                {
                    Summary = "Tới: {to}",
                },
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
internal sealed record ActivitySpec(ActivityDescriptor Descriptor, Func<string, string, IReadOnlyDictionary<string, object?>, Activity> Create)
{
    /// <summary>For our own activities (<see cref="CchcModule"/>): where the type comes in the palette.</summary>
    public int Order { get; init; }
}

/// <summary>The inputs and palette groups several activity types share.</summary>
internal static class ActivityInputs
{
    public const string FlowCategory = "Bắt đầu và kết thúc";
    public const string WaitingCategory = "Chờ";
    public const string DecidingCategory = "Rẽ nhánh";
    public const string SendingCategory = "Gửi thư";

    /// <summary>A choice among <paramref name="values"/> of <typeparamref name="TEnum"/>, each with its Vietnamese label.</summary>
    public static InputDescriptor Choice<TEnum>(string name, bool required, string? @default, string label, string help, params (TEnum Value, string Label)[] values)
        where TEnum : struct, Enum =>
        new(name, InputKind.Choice, required, @default, [.. values.Select(v => v.Value.ToString())], label)
        {
            Help = help,
            EnumType = typeof(TEnum),
            ValueLabels = values.ToDictionary(v => v.Value.ToString(), v => v.Label, StringComparer.Ordinal),
        };

    public static InputDescriptor TimeOfDay() =>
        new("timeOfDay", InputKind.TimeOfDay, false, "08:00", [], "Giờ") { Help = "Giờ trong ngày, giờ Việt Nam; mặc định 08:00." };

    public static InputDescriptor IfDayOff(string? @default, string help) =>
        Choice("ifDayOff", false, @default, "Nếu rơi vào ngày nghỉ",
            "Keep: giữ nguyên; PreviousWorkingDay: lùi về ngày làm việc trước đó; NextWorkingDay: dời tới ngày làm việc sau đó. " + help,
            (DayOffShift.Keep, "Giữ nguyên"), (DayOffShift.PreviousWorkingDay, "Lùi về ngày làm việc trước"), (DayOffShift.NextWorkingDay, "Dời tới ngày làm việc sau"));

    public static InputDescriptor CopyCoordinators() =>
        new("copyCoordinators", InputKind.Boolean, false, "false", [], "Gửi kèm cơ quan phối hợp")
        {
            Help = "true: các cơ quan phối hợp của nhiệm vụ cũng nhận việc này, trong thư tổng hợp trong ngày của từng cơ quan; mặc định chỉ gửi cơ quan chủ trì.",
        };

    public static InputDescriptor Template(string @default, TemplateUse use) =>
        new("template", InputKind.Text, false, @default, [], "Mẫu thư")
        {
            Help = use == TemplateUse.Digest
                ? $"Tên mẫu thư tổng hợp trong thư mục workflows/templates: \"{@default}\" (mặc định) là digest.txt và digest.html; tên khác, ví dụ \"nhac-gap\", là nhac-gap.txt và nhac-gap.html, dùng các trường của digest. Việc dùng mẫu riêng đi trong một thư riêng."
                : $"Tên mẫu báo cáo trong thư mục workflows/templates: \"{@default}\" (mặc định) là escalation.txt và escalation.html; tên khác là TÊN.txt và TÊN.html, dùng các trường của escalation.",
            Template = use,
        };
}
