using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Workflow.Definitions.Tests.Plans;

/// <summary>Writes rows of text into the first sheet of a new workbook, as a spreadsheet would save them.</summary>
internal static class XlsxWriter
{
    public static byte[] Write(IEnumerable<IReadOnlyList<string>> rows, bool numbersAsNumbers = false)
    {
        using var memory = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(memory, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            uint r = 0;
            foreach (var row in rows)
            {
                r++;
                var xmlRow = new Row { RowIndex = r };
                for (var c = 0; c < row.Count; c++)
                {
                    if (row[c].Length == 0)
                    {
                        continue;
                    }

                    var reference = $"{Plans.PlanProblemLetter(c)}{r}";
                    var cell = numbersAsNumbers && double.TryParse(row[c], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _)
                        ? new Cell { CellReference = reference, CellValue = new CellValue(row[c]), DataType = CellValues.Number }
                        : new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(row[c])) };
                    xmlRow.Append(cell);
                }

                data.Append(xmlRow);
            }

            sheetPart.Worksheet = new Worksheet(data);
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Kế hoạch" });
            workbook.Workbook.Save();
        }

        return memory.ToArray();
    }
}

internal static class Plans
{
    public static string PlanProblemLetter(int index) => Workflow.Definitions.Plans.PlanProblem.ColumnLetter(index);
}
