//go:build !unix

package data

import "os"

// ownedByUser is true: on Windows the folder lies in the user's own profile
// (%LocalAppData%), which the profile's access rules close to other accounts; the file
// mode says nothing there.
func ownedByUser(os.FileInfo) bool { return true }

// closedToOthers is true for the same reason.
func closedToOthers(os.FileInfo) bool { return true }
