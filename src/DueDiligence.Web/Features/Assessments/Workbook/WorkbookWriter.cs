using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Questionnaires;

namespace DueDiligence.Web.Features.Assessments.Workbook;

/// <summary>What a questionnaire workbook is made from: the assessment's sections to answer and their saved answers.</summary>
internal sealed record WorkbookScope(
    Guid AssessmentId, Guid TemplateVersionId, string TemplateLabel, Guid? InvitationId, IReadOnlyList<SectionDefinition> Sections,
    Func<string, AssessmentAnswer?> AnswerTo);

/// <summary>
/// Writes the questionnaire workbook: one row per question, the answer and comment cells the only ones that can be
/// edited (sheet and workbook structure protected), list validation with the choice words, the question codes in a
/// hidden column and the check values on a very hidden sheet.
/// </summary>
internal static class WorkbookWriter
{
    // Cell styles, by their place in the style sheet below.
    private const uint HeaderStyle = 1;
    private const uint LockedTextStyle = 2;
    private const uint AnswerStyle = 3;
    private const uint AnswerDateStyle = 4;
    private const uint DateFormatId = 164;

    public static byte[] Write(WorkbookScope scope)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var questions = scope.Sections.SelectMany(s => s.Questions.Select(q => (Section: s, Question: q))).ToList();
            var choiceColumns = new Dictionary<string, string>();
            var choices = AddSheet(workbookPart, ChoicesSheet(questions.Select(q => q.Question), choiceColumns));
            var main = AddSheet(workbookPart, QuestionSheet(questions, scope.AnswerTo, choiceColumns));
            var check = AddSheet(workbookPart, CheckSheet(scope, questions.Select(q => q.Question.Code)));
            workbookPart.Workbook = new DocumentFormat.OpenXml.Spreadsheet.Workbook(
                new WorkbookProtection { LockStructure = true },
                new Sheets(
                    new Sheet { Name = WorkbookLayout.QuestionSheet, SheetId = 1, Id = workbookPart.GetIdOfPart(main) },
                    new Sheet { Name = WorkbookLayout.ChoicesSheet, SheetId = 2, Id = workbookPart.GetIdOfPart(choices), State = SheetStateValues.Hidden },
                    new Sheet { Name = WorkbookLayout.CheckSheet, SheetId = 3, Id = workbookPart.GetIdOfPart(check), State = SheetStateValues.VeryHidden }));
        }

        return stream.ToArray();
    }

    private static WorksheetPart AddSheet(WorkbookPart workbookPart, Worksheet worksheet)
    {
        var part = workbookPart.AddNewPart<WorksheetPart>();
        part.Worksheet = worksheet;
        return part;
    }

    private static Worksheet QuestionSheet(
        List<(SectionDefinition Section, QuestionDefinition Question)> questions, Func<string, AssessmentAnswer?> answerTo, Dictionary<string, string> choiceColumns)
    {
        var data = new SheetData(new Row(WorkbookLayout.Columns.Select(c => TextCell(c.Column, 1, c.Header, HeaderStyle))) { RowIndex = 1 });
        var validations = new DataValidations();
        var row = (uint)WorkbookLayout.FirstQuestionRow;
        foreach (var (section, question) in questions)
        {
            var answer = answerTo(question.Code);
            data.Append(new Row(
                TextCell(WorkbookLayout.SectionColumn, row, $"{section.Code} · {section.Title}", LockedTextStyle),
                TextCell(WorkbookLayout.QuestionColumn, row, question.Text, LockedTextStyle),
                TextCell(WorkbookLayout.GuidanceColumn, row, question.Guidance, LockedTextStyle),
                TextCell(WorkbookLayout.HowColumn, row, AnswerCells.HowToAnswer(question), LockedTextStyle),
                AnswerCell(row, question, AnswerCells.Write(question, AnswerValue.Of(answer))),
                TextCell(WorkbookLayout.CommentColumn, row, answer?.Comment ?? "", AnswerStyle),
                TextCell(WorkbookLayout.CodeColumn, row, question.Code, LockedTextStyle))
            { RowIndex = row });
            validations.Append(Validation(question, row, choiceColumns));
            row++;
        }

        var columns = new Columns(WorkbookLayout.Columns.Select((c, i) => new Column
        {
            Min = (uint)(i + 1),
            Max = (uint)(i + 1),
            Width = c.Width,
            CustomWidth = true,
            Hidden = c.Column == WorkbookLayout.CodeColumn ? true : null,
        }));
        var sheet = new Worksheet(
            new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen })
            { WorkbookViewId = 0 }),
            columns, data,
            // Locked cells stay locked; only the answer and comment cells (unlocked style) can be edited. Columns and rows may be resized.
            new SheetProtection { Sheet = true, Objects = true, Scenarios = true, FormatColumns = false, FormatRows = false });
        if (validations.HasChildren)
        {
            validations.Count = (uint)validations.ChildElements.Count;
            sheet.Append(validations);
        }

        return sheet;
    }

    /// <summary>A number or date as a number (a date with the date format), anything else as text.</summary>
    private static Cell AnswerCell(uint row, QuestionDefinition question, CellContent content) => content.Number is { } number
        ? new Cell(new CellValue(number))
        {
            CellReference = $"{WorkbookLayout.AnswerColumn}{row}",
            DataType = CellValues.Number,
            StyleIndex = question.Type == QuestionType.Date ? AnswerDateStyle : AnswerStyle,
        }
        : TextCell(WorkbookLayout.AnswerColumn, row, content.Text ?? "", question.Type == QuestionType.Date ? AnswerDateStyle : AnswerStyle);

    private static DataValidation Validation(QuestionDefinition question, uint row, Dictionary<string, string> choiceColumns)
    {
        var cell = $"{WorkbookLayout.AnswerColumn}{row}";
        var validation = new DataValidation
        {
            SequenceOfReferences = new ListValue<StringValue> { InnerText = cell },
            AllowBlank = true,
            ShowInputMessage = true,
            ShowErrorMessage = true,
            PromptTitle = Limit(question.Code, 32),
            Prompt = Limit(AnswerCells.HowToAnswer(question), 255),
            ErrorTitle = "Not an answer to this question",
            Error = Limit(AnswerCells.HowToAnswer(question), 255),
        };
        if (choiceColumns.TryGetValue(question.Code, out var column))
        {
            validation.Type = DataValidationValues.List;
            validation.Append(new Formula1($"{WorkbookLayout.ChoicesSheet}!${column}$1:${column}${AnswerCells.Choices(question).Count}"));
        }
        else if (question.Type == QuestionType.Number && !question.AllowNotApplicable)
        {
            validation.Type = DataValidationValues.Decimal;
            validation.Operator = DataValidationOperatorValues.Between;
            validation.Append(new Formula1("-1E+15"), new Formula2("1E+15"));
        }
        else if (question.Type == QuestionType.Date && !question.AllowNotApplicable)
        {
            validation.Type = DataValidationValues.Date;
            validation.Operator = DataValidationOperatorValues.GreaterThan;
            validation.Append(new Formula1("1"));
        }
        else
        {
            validation.ShowErrorMessage = false;
        }

        return validation;
    }

    private static Worksheet ChoicesSheet(IEnumerable<QuestionDefinition> questions, Dictionary<string, string> choiceColumns)
    {
        var rows = new SortedDictionary<uint, Row>();
        var number = 0;
        foreach (var question in questions.Where(q => q.Type is QuestionType.YesNo or QuestionType.Maturity or QuestionType.SingleChoice))
        {
            var column = WorkbookLayout.ColumnName(++number);
            choiceColumns[question.Code] = column;
            var index = 1u;
            foreach (var choice in AnswerCells.Choices(question))
            {
                if (!rows.TryGetValue(index, out var row))
                {
                    rows[index] = row = new Row { RowIndex = index };
                }

                row.Append(TextCell(column, index++, choice, 0));
            }
        }

        return new Worksheet(new SheetData(rows.Values), new SheetProtection { Sheet = true, Objects = true, Scenarios = true });
    }

    private static Worksheet CheckSheet(WorkbookScope scope, IEnumerable<string> codes)
    {
        var sections = scope.Sections.Select(s => s.Code).ToList();
        var values = new Dictionary<string, string>
        {
            [WorkbookLayout.AssessmentKey] = scope.AssessmentId.ToString("D"),
            [WorkbookLayout.TemplateVersionKey] = scope.TemplateVersionId.ToString("D"),
            [WorkbookLayout.TemplateLabelKey] = scope.TemplateLabel,
            [WorkbookLayout.InvitationKey] = scope.InvitationId?.ToString("D") ?? "",
            [WorkbookLayout.SectionsKey] = string.Join(',', sections),
            [WorkbookLayout.CheckKey] = WorkbookLayout.Check(scope.AssessmentId, scope.TemplateVersionId, scope.InvitationId, sections, codes),
        };
        var rows = WorkbookLayout.CheckKeys.Select((key, i) => new Row(TextCell("A", (uint)i + 1, key, 0), TextCell("B", (uint)i + 1, values[key], 0)) { RowIndex = (uint)i + 1 });
        return new Worksheet(new SheetData(rows), new SheetProtection { Sheet = true, Objects = true, Scenarios = true });
    }

    private static Cell TextCell(string column, uint row, string text, uint style) => new(new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }))
    {
        CellReference = $"{column}{row}",
        DataType = CellValues.InlineString,
        StyleIndex = style,
    };

    private static string Limit(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    private static Stylesheet Styles() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = DateFormatId, FormatCode = "yyyy-mm-dd" }) { Count = 1 },
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFFFF8DC" }) { PatternType = PatternValues.Solid }))
        { Count = 3 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { ApplyAlignment = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }, new Protection { Locked = false })
            { FillId = 2, ApplyFill = true, ApplyAlignment = true, ApplyProtection = true },
            new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top }, new Protection { Locked = false })
            { FillId = 2, NumberFormatId = DateFormatId, ApplyNumberFormat = true, ApplyFill = true, ApplyAlignment = true, ApplyProtection = true })
        { Count = 5 });
}
