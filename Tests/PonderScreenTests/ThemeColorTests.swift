import PonderCore
import PonderScreen
import PonderTestSupport
import Testing

/// Theme colours on terminals with fewer colours (theme files are read in `PonderTOMLTests`).
@Suite struct ThemeColorTests {
  @Test func colorsDownsampleFor8ColorTerminals() {
    #expect(ThemeColor.indexed(9).downsampled(toPalette: 8) == .indexed(1))
    #expect(ThemeColor.indexed(196).downsampled(toPalette: 8) == .indexed(1))
    #expect(ThemeColor.indexed(21).downsampled(toPalette: 8) == .indexed(4))
    #expect(ThemeColor.indexed(196).downsampled(toPalette: 256) == .indexed(196))
    // Greys stay readable as text and dark as backgrounds.
    #expect(ThemeColor.indexed(240).downsampled(toPalette: 8) == .indexed(7))
    #expect(ThemeColor.indexed(236).downsampled(toPalette: 8, foreground: false) == .indexed(0))
    #expect(ThemeColor.indexed(8).downsampled(toPalette: 8) == .indexed(7))
  }
}
