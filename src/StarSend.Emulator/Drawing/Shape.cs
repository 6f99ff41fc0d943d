namespace StarSend.Emulator.Drawing;

internal enum Shape
{
    Circle,
    Square,
    Triangle,
    Diamond,
}
