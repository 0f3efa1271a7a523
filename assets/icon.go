package assets

import _ "embed"

// Icon is the app's icon, shown in the title bar and the task bar.
//
//go:embed icon.png
var Icon []byte
