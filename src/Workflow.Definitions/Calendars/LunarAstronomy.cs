namespace Workflow.Definitions.Calendars;

/// <summary>
/// The two astronomical quantities the Vietnamese lunisolar calendar is built from: the instant of each
/// new moon and the apparent longitude of the sun. Both are low-order series (Jean Meeus, <i>Astronomical
/// Formulae for Calculators</i> for the new moon, <i>Astronomical Algorithms</i> ch. 25 for the sun), the
/// same precision as Hồ Ngọc Đức's widely published calendar, accurate to a few minutes over 1900–2100.
/// </summary>
/// <remarks>
/// All instants are Julian days (days since noon UT, 1 January 4713 BC, proleptic Julian calendar): the
/// integer part + 0.5 changes at midnight UT.
/// </remarks>
internal static class LunarAstronomy
{
    /// <summary>Mean length of a lunation in days.</summary>
    internal const double SynodicMonth = 29.530588853;

    /// <summary>Julian day of the mean new moon numbered 0 (6 January 1900, about 13:51 UT).</summary>
    internal const double NewMoonEpoch = 2415021.076998695;

    private const double Radians = Math.PI / 180.0;

    /// <summary>
    /// The instant (Julian day, UT) of new moon number <paramref name="lunation"/>, counted from the
    /// new moon of 6 January 1900 (negative numbers are earlier ones).
    /// </summary>
    internal static double NewMoon(int lunation)
    {
        double k = lunation;
        double t = k / 1236.85; // Julian centuries since 1900 January 0.5
        double t2 = t * t;
        double t3 = t2 * t;

        // Mean new moon, with the secular terms of the lunar and solar mean motions.
        double mean = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
            + 0.00033 * Sin(166.56 + 132.87 * t - 0.009173 * t2);

        double sunAnomaly = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
        double moonAnomaly = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
        double moonArgument = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;

        // Periodic corrections from the true (not mean) positions of sun and moon.
        double correction =
            (0.1734 - 0.000393 * t) * Sin(sunAnomaly)
            + 0.0021 * Sin(2 * sunAnomaly)
            - 0.4068 * Sin(moonAnomaly)
            + 0.0161 * Sin(2 * moonAnomaly)
            - 0.0004 * Sin(3 * moonAnomaly)
            + 0.0104 * Sin(2 * moonArgument)
            - 0.0051 * Sin(sunAnomaly + moonAnomaly)
            - 0.0074 * Sin(sunAnomaly - moonAnomaly)
            + 0.0004 * Sin(2 * moonArgument + sunAnomaly)
            - 0.0004 * Sin(2 * moonArgument - sunAnomaly)
            - 0.0006 * Sin(2 * moonArgument + moonAnomaly)
            + 0.0010 * Sin(2 * moonArgument - moonAnomaly)
            + 0.0005 * Sin(2 * moonAnomaly + sunAnomaly);

        // The series gives Ephemeris Time; subtract ΔT (a polynomial fit, good for 1620–2100).
        double deltaT = t < -11
            ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
            : -0.000278 + 0.000265 * t + 0.000262 * t2;

        return mean + correction - deltaT;
    }

    /// <summary>
    /// The sun's apparent longitude (corrected for aberration and nutation), in degrees in [0, 360), at the
    /// instant <paramref name="julianDay"/>.
    /// </summary>
    /// <remarks>
    /// Hồ Ngọc Đức's published algorithm uses the true longitude, about 0.006° (8 minutes of time) larger.
    /// Over 1900–2100 the two give the same calendar, day for day (checked when this was written).
    /// </remarks>
    internal static double SunLongitude(double julianDay)
    {
        double t = (julianDay - 2451545.0) / 36525; // Julian centuries since J2000.0
        double t2 = t * t;
        double meanAnomaly = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
        double meanLongitude = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
        double centre =
            (1.914600 - 0.004817 * t - 0.000014 * t2) * Sin(meanAnomaly)
            + (0.019993 - 0.000101 * t) * Sin(2 * meanAnomaly)
            + 0.000290 * Sin(3 * meanAnomaly);
        double omega = 125.04 - 1934.136 * t; // longitude of the moon's ascending node
        double longitude = (meanLongitude + centre - 0.00569 - 0.00478 * Sin(omega)) % 360.0;
        return longitude < 0 ? longitude + 360.0 : longitude;
    }

    private static double Sin(double degrees) => Math.Sin(degrees * Radians);
}
