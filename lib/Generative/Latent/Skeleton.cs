namespace Generative.Latent;

/// <summary>
/// The one-pixel-wide centre line of a binary digit image by Zhang and Suen's thinning ("A fast parallel algorithm for thinning
/// digital patterns", CACM 1984), and the length of that centre line: what <see cref="DigitAttributes.StrokeWidth"/> divides ink by.
/// </summary>
static class Skeleton
{
    /// <summary>Thins <paramref name="ink"/> (row-major, <paramref name="height"/> x <paramref name="width"/>, true = stroke) in place to its skeleton.</summary>
    public static void Thin(bool[] ink, int height, int width)
    {
        var remove = new List<int>();
        bool changed;
        do
        {
            changed = false;
            for (int pass = 0; pass < 2; pass++)
            {
                remove.Clear();
                for (int r = 0; r < height; r++)
                    for (int c = 0; c < width; c++)
                        if (ink[r * width + c] && Removable(ink, height, width, r, c, pass)) remove.Add(r * width + c);
                // Both sub-iterations decide on the image as it was when they started, which is what keeps the result centred.
                foreach (var i in remove) ink[i] = false;
                changed |= remove.Count > 0;
            }
        } while (changed);
    }

    /// <summary>
    /// Length in pixels of a skeleton along its 8-connected links (1 for a horizontal or vertical step, √2 for a diagonal one that no
    /// 4-connected pair of steps already covers), and its number of ends (pixels with one neighbour; an isolated pixel counts as two).
    /// </summary>
    public static (double Length, int Ends) Measure(bool[] skeleton, int height, int width)
    {
        double length = 0;
        int ends = 0;
        for (int r = 0; r < height; r++)
            for (int c = 0; c < width; c++)
            {
                if (!skeleton[r * width + c]) continue;
                int neighbours = 0;
                for (int dr = -1; dr <= 1; dr++)
                    for (int dc = -1; dc <= 1; dc++)
                        if ((dr, dc) != (0, 0) && At(skeleton, height, width, r + dr, c + dc)) neighbours++;
                ends += neighbours switch { 0 => 2, 1 => 1, _ => 0 };
                // Each link counted from its upper (or left) end only.
                if (At(skeleton, height, width, r, c + 1)) length += 1;
                if (At(skeleton, height, width, r + 1, c)) length += 1;
                foreach (var dc in new[] { -1, 1 })
                    if (At(skeleton, height, width, r + 1, c + dc)
                        && !At(skeleton, height, width, r, c + dc) && !At(skeleton, height, width, r + 1, c))
                        length += Math.Sqrt(2);
            }
        return (length, ends);
    }

    /// <summary>Zhang–Suen's test for deleting a stroke pixel in the first (<paramref name="pass"/> 0, south-east boundary) or second sub-iteration.</summary>
    static bool Removable(bool[] ink, int height, int width, int r, int c, int pass)
    {
        // Neighbours clockwise from north: P2 (N), P3 (NE), P4 (E), P5 (SE), P6 (S), P7 (SW), P8 (W), P9 (NW).
        Span<bool> p =
        [
            At(ink, height, width, r - 1, c), At(ink, height, width, r - 1, c + 1), At(ink, height, width, r, c + 1), At(ink, height, width, r + 1, c + 1),
            At(ink, height, width, r + 1, c), At(ink, height, width, r + 1, c - 1), At(ink, height, width, r, c - 1), At(ink, height, width, r - 1, c - 1),
        ];
        int count = 0, transitions = 0;
        for (int k = 0; k < 8; k++)
        {
            if (p[k]) count++;
            if (!p[k] && p[(k + 1) % 8]) transitions++;
        }
        if (count < 2 || count > 6 || transitions != 1) return false;
        var (n, e, s, w) = (p[0], p[2], p[4], p[6]);
        return pass == 0 ? !(n && e && s) && !(e && s && w) : !(n && e && w) && !(n && s && w);
    }

    static bool At(bool[] ink, int height, int width, int r, int c) => r >= 0 && r < height && c >= 0 && c < width && ink[r * width + c];
}
