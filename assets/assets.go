// Package assets holds the files the program carries inside its binary, so a letter looks the
// same on every machine whatever fonts are installed there.
package assets

import _ "embed"

// SansRegular and SansBold are Liberation Sans 2 (SIL Open Font License 1.1, see
// fonts/LICENSE-LiberationSans.txt): metric-compatible with Arial, so letters look familiar,
// and covering Latin Extended-A, so names such as "Ĳsbrand" and "Łukasz" print as written.
var (
	//go:embed fonts/LiberationSans-Regular.ttf
	SansRegular []byte
	//go:embed fonts/LiberationSans-Bold.ttf
	SansBold []byte
)
