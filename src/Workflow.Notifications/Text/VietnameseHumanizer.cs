using System.Globalization;
using Humanizer.Configuration;
using Humanizer.Localisation.Formatters;

namespace Workflow.Notifications.Text;

/// <summary>Registers <see cref="VietnameseFormatter"/> with Humanizer for the <c>vi</c> culture (and so <c>vi-VN</c>).</summary>
public static class VietnameseHumanizer
{
    private static readonly Lock Gate = new();
    private static readonly VietnameseFormatter Shared = new();
    private static volatile bool registered;

    /// <summary>The Vietnamese culture to pass as <c>culture:</c> to Humanizer.</summary>
    public static CultureInfo Culture { get; } = CultureInfo.GetCultureInfo(VietnameseFormatter.CultureCode);

    /// <summary>
    /// Registers the formatter in <c>Configurator.Formatters</c>. Idempotent and thread-safe: concurrent
    /// callers register it once. Humanizer's registry itself is a plain dictionary, so call this at start-up
    /// (or let <see cref="DueText"/>'s static constructor do it) before other threads humanize.
    /// </summary>
    public static void Register()
    {
        if (registered)
        {
            return;
        }

        lock (Gate)
        {
            if (registered)
            {
                return;
            }

            Configurator.Formatters.Register(VietnameseFormatter.CultureCode, _ => Shared);
            registered = true;
        }
    }

    /// <summary>The formatter Humanizer resolves for <see cref="Culture"/>, after registering it.</summary>
    public static IFormatter Formatter
    {
        get
        {
            Register();
            return Configurator.Formatters.ResolveForCulture(Culture);
        }
    }
}
