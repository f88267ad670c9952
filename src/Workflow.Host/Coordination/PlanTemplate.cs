using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Workflow.Definitions.Agencies;
using Workflow.Definitions.Plans;
using Workflow.Host.Progress;

namespace Workflow.Host.Coordination;

/// <summary>
/// The blank plan a coordinator fills in (the import page offers it): the metadata rows, an empty
/// row, the task table's headings, in the layout <see cref="PlanReader"/> reads. The XLSX's lead
/// agency column offers the agencies of the directory in a drop-down list (a second sheet holds them).
/// </summary>
public static class PlanTemplate
{
    /// <summary>The sheet that lists the agencies for the drop-down.</summary>
    public const string AgencySheet = "Danh bạ cơ quan";

    /// <summary>Rows of the task table the drop-down covers.</summary>
    private const int TaskRows = 500;

    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    /// <summary>The blank plan as CSV (UTF-8 with a byte order mark, so Excel reads Vietnamese).</summary>
    public static byte[] Csv()
    {
        var text = new StringBuilder();
        foreach (var key in PlanReader.MetadataKeyNames)
        {
            text.Append(key).Append(",\r\n");
        }

        text.Append("\r\n").AppendJoin(',', PlanReader.ColumnHeadings).Append("\r\n");
        return [.. Utf8WithBom.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>The blank plan as XLSX, its lead agency column a drop-down of <paramref name="agencies"/>' names.</summary>
    public static byte[] Xlsx(AgencyDirectory agencies)
    {
        ArgumentNullException.ThrowIfNull(agencies);
        var names = agencies.Agencies.Select(a => a.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), false)).ToList();
        using var memory = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(memory, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = ReportExport.Styles();
            var sheets = workbook.Workbook.AppendChild(new Sheets());

            var rows = new SheetData();
            uint index = 1;
            foreach (var key in PlanReader.MetadataKeyNames)
            {
                rows.Append(ReportExport.TextRow(index++, [key], bold: true));
            }

            index++; // the empty row between the metadata and the table
            var headerRow = index;
            rows.Append(ReportExport.TextRow(index, PlanReader.ColumnHeadings, bold: true));
            var plan = workbook.AddNewPart<WorksheetPart>();
            var leadColumn = ReportExport.ColumnName(PlanReader.ColumnHeadings.ToList().IndexOf(PlanReader.LeadHeading));
            var range = FormattableString.Invariant($"{leadColumn}{headerRow + 1}:{leadColumn}{headerRow + TaskRows}");
            var validation = new DataValidation
            {
                Type = DataValidationValues.List,
                AllowBlank = true,
                ShowErrorMessage = false, // a cell may name several agencies or a group ("Sở, ngành TP"): the list helps, the reader decides
                ShowInputMessage = true,
                PromptTitle = "Đơn vị chủ trì",
                Prompt = "Chọn cơ quan trong danh bạ, hoặc ghi như kế hoạch viết (nhiều cơ quan, nhóm).",
                SequenceOfReferences = new ListValue<StringValue> { InnerText = range },
                Formula1 = new Formula1(FormattableString.Invariant($"'{AgencySheet}'!$A$1:$A${Math.Max(1, names.Count)}")),
            };
            plan.Worksheet = new Worksheet(rows, new DataValidations(validation) { Count = 1 });
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(plan), SheetId = 1, Name = "Kế hoạch" });

            var list = new SheetData();
            for (var i = 0; i < names.Count; i++)
            {
                list.Append(ReportExport.TextRow((uint)i + 1, [names[i]]));
            }

            var agencyPart = workbook.AddNewPart<WorksheetPart>();
            agencyPart.Worksheet = new Worksheet(list);
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(agencyPart), SheetId = 2, Name = AgencySheet });
            workbook.Workbook.Save();
        }

        return memory.ToArray();
    }
}
