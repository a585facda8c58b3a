// The program of the consumer project: its link line is what the
// CMAKE_CXX_FLAGS tests are about.
int main() { return 0; }
