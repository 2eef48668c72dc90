#pragma once
// The OpenGL surface format VTK needs, set as Qt's default before QApplication exists (Qt only
// applies a default format to contexts created after it is set).

namespace gradscape::gui {

// OpenGL 3.2 core profile, RGBA8, 24-bit depth, double buffered, no multisampling: VTK renders
// into its own framebuffer objects and the bridge reads its frames back into the widget.
void setDefaultSurfaceFormat();

}  // namespace gradscape::gui
