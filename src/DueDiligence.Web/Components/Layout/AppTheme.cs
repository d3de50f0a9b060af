using MudBlazor;

namespace DueDiligence.Web.Components.Layout;

/// <summary>The product's one MudBlazor theme: navy for actions, the risk colours of the reports, one type scale.</summary>
public static class AppTheme
{
    private static readonly string[] FontStack =
        ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Liberation Sans", "DejaVu Sans", "Helvetica Neue", "Arial", "sans-serif"];

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f3a5f",
            PrimaryContrastText = "#ffffff",
            Secondary = "#475569",
            Tertiary = "#0f766e",
            Info = "#1d4ed8",
            Success = "#2e7d32",
            Warning = "#b45309",
            Error = "#b91c1c",
            AppbarBackground = "#1f3a5f",
            AppbarText = "#ffffff",
            Background = "#f5f7fa",
            Surface = "#ffffff",
            DrawerBackground = "#ffffff",
            DrawerText = "#1b2430",
            DrawerIcon = "#1f3a5f",
            TextPrimary = "#1b2430",
            // #5b6675 on white has a contrast of 5.9:1 (WCAG AA asks 4.5:1).
            TextSecondary = "#5b6675",
            LinesDefault = "#d9dee5",
            TableLines = "#d9dee5",
            Divider = "#d9dee5",
            ActionDefault = "#1f3a5f",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = FontStack, FontSize = "1rem", FontWeight = "400", LineHeight = "1.5" },
            H1 = new H1Typography { FontFamily = FontStack, FontSize = "1.6rem", FontWeight = "600", LineHeight = "1.25" },
            H2 = new H2Typography { FontFamily = FontStack, FontSize = "1.25rem", FontWeight = "600", LineHeight = "1.3" },
            H3 = new H3Typography { FontFamily = FontStack, FontSize = "1.05rem", FontWeight = "600", LineHeight = "1.35" },
            Body1 = new Body1Typography { FontFamily = FontStack, FontSize = "1rem", FontWeight = "400", LineHeight = "1.5" },
            Body2 = new Body2Typography { FontFamily = FontStack, FontSize = ".9rem", FontWeight = "400", LineHeight = "1.45" },
            Button = new ButtonTypography { FontFamily = FontStack, FontSize = ".9rem", FontWeight = "600", LineHeight = "1.75", TextTransform = "none" },
            Caption = new CaptionTypography { FontFamily = FontStack, FontSize = ".8rem", FontWeight = "400", LineHeight = "1.4" },
            // MudBlazor sets its inputs and their labels in Subtitle1: regular weight, like the text around them.
            Subtitle1 = new Subtitle1Typography { FontFamily = FontStack, FontSize = "1rem", FontWeight = "400", LineHeight = "1.5" },
            Subtitle2 = new Subtitle2Typography { FontFamily = FontStack, FontSize = ".9rem", FontWeight = "600", LineHeight = "1.45" },
            Overline = new OverlineTypography { FontFamily = FontStack, FontSize = ".75rem", FontWeight = "600", LineHeight = "2", TextTransform = "uppercase" },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "6px", DrawerWidthLeft = "232px", AppbarHeight = "56px" },
    };
}
